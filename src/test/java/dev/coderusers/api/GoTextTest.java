package dev.coderusers.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Expected values were produced by Go ({@code fmt.Sprintf("%q")}, {@code strings.ToLower/ToUpper}). */
class GoTextTest {

    static Stream<Arguments> quoted() {
        return Stream.of(
                Arguments.of("", "\"\""),
                Arguments.of("abc", "\"abc\""),
                Arguments.of("a\"b", "\"a\\\"b\""),
                Arguments.of("a\\b", "\"a\\\\b\""),
                Arguments.of("tab\there", "\"tab\\there\""),
                Arguments.of("nl\n", "\"nl\\n\""),
                Arguments.of("\u0000\u0007\b\f\u000b\r\u001b\u007f", "\"\\x00\\a\\b\\f\\v\\r\\x1b\\x7f\""),
                Arguments.of("\u00a0", "\"\\u00a0\""),
                Arguments.of("\u00ad", "\"\\u00ad\""),
                Arguments.of("\ufeff", "\"\\ufeff\""),
                Arguments.of("\u2028", "\"\\u2028\""),
                Arguments.of("\uDB40\uDC01", "\"\\U000e0001\""),
                Arguments.of("héllo", "\"héllo\""),
                Arguments.of("ключ", "\"ключ\""),
                Arguments.of("日本語", "\"日本語\""),
                Arguments.of("😀", "\"😀\""),
                Arguments.of("\u0301", "\"\u0301\""),
                Arguments.of("\ufffd", "\"\ufffd\""));
    }

    @ParameterizedTest
    @MethodSource("quoted")
    void quotesLikeGoPercentQ(String input, String expected) {
        assertThat(GoText.quote(input)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"\uD800, \"\\ufffd\"", "a\uDFFFb, \"a\\ufffdb\""})
    void quotesALoneSurrogateAsTheReplacementCharacterLikeAnInvalidGoRune(String input, String expected) {
        assertThat(GoText.quote(input)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"İSTANBUL, istanbul", "ΣΑΣ, σασ", "\u212a, k", "STATUS:Active, status:active", "Ǆ, ǆ"})
    void lowerCasesOneRuneToOneRuneWithoutLocaleOrContext(String input, String expected) {
        assertThat(GoText.lower(input)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"ß, ß", "ſ, S", "ı, I", "ﬁ, ﬁ", "2023-01-01t00:00:00z, 2023-01-01T00:00:00Z", "ǆ, Ǆ"})
    void upperCasesOneRuneToOneRuneWithoutLocale(String input, String expected) {
        assertThat(GoText.upper(input)).isEqualTo(expected);
    }
}
