package dev.coderusers.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Expected values were produced by Go's {@code strconv.ParseInt(s, 10, bits)} and {@code strconv.ParseBool}. */
class GoStrconvTest {

    @ParameterizedTest
    @CsvSource({
        "0, 32, 0",
        "-0, 32, 0",
        "+5, 32, 5",
        "05, 32, 5",
        "-1, 32, -1",
        "2147483647, 32, 2147483647",
        "-2147483648, 32, -2147483648",
        "99999999999, 64, 99999999999",
        "2147483648, 64, 2147483648",
        "9223372036854775807, 64, 9223372036854775807",
        "-9223372036854775808, 64, -9223372036854775808"
    })
    void parsesDecimalIntegersInRange(String input, int bits, long expected) throws GoParseException {
        assertThat(GoStrconv.parseInt(input, bits)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "''|32|invalid syntax",
                "abc|32|invalid syntax",
                "9x|32|invalid syntax",
                "' 5'|32|invalid syntax",
                "'5 '|64|invalid syntax",
                "1_000|32|invalid syntax",
                "0x10|32|invalid syntax",
                "1e3|64|invalid syntax",
                "1.5|64|invalid syntax",
                "+|32|invalid syntax",
                "-|64|invalid syntax",
                "--1|64|invalid syntax",
                "１２|32|invalid syntax",
                "99999999999|32|value out of range",
                "2147483648|32|value out of range",
                "-2147483649|32|value out of range",
                "9223372036854775808|64|value out of range",
                "-9223372036854775809|64|value out of range",
                "18446744073709551616|64|value out of range",
                // Go stops at the first overflowing digit: out of range for 32 bits, a syntax error for 64.
                "99999999999x|32|value out of range",
                "99999999999x|64|invalid syntax",
                "99999999999999999999999x|64|value out of range"
            })
    void reportsGoNumErrorText(String input, int bits, String reason) {
        assertThatThrownBy(() -> GoStrconv.parseInt(input, bits))
                .isInstanceOf(GoParseException.class)
                .hasMessage("strconv.ParseInt: parsing " + GoText.quote(input) + ": " + reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "t", "T", "true", "TRUE", "True"})
    void acceptsGoTrueSpellings(String input) throws GoParseException {
        assertThat(GoStrconv.parseBool(input)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "f", "F", "false", "FALSE", "False"})
    void acceptsGoFalseSpellings(String input) throws GoParseException {
        assertThat(GoStrconv.parseBool(input)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "no", "tRUE", " true", "2", "on", ""})
    void rejectsOtherBooleanSpellingsWithGoText(String input) {
        assertThatThrownBy(() -> GoStrconv.parseBool(input))
                .isInstanceOf(GoParseException.class)
                .hasMessage("strconv.ParseBool: parsing " + GoText.quote(input) + ": invalid syntax");
    }
}
