package dev.coderusers.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class QueryParamParserTest {

    private final QueryParamParser parser = new QueryParamParser();

    @Test
    void absentKeysYieldDefaultsAndNoErrors() {
        Map<String, List<String>> none = Map.of();

        assertThat(parser.string(none, "s")).isNull();
        assertThat(parser.uuid(none, "u")).isNull();
        assertThat(parser.positiveInt32(none, "i", 7)).isEqualTo(7);
        assertThat(parser.int64(none, "l")).isNull();
        assertThat(parser.nullableBoolean(none, "b")).isNull();
        assertThat(parser.time3339Nano(none, "t")).isNull();
        assertThat(parser.strings(none, "list")).isEmpty();
        assertThat(parser.enumList(none, "e", Optional::of)).isEmpty();
        assertThat(parser.hasErrors()).isFalse();
    }

    @Test
    void everySingleValuedReaderRejectsRepeats() {
        Map<String, List<String>> twice = Map.of(
                "s", List.of("a", "b"),
                "l", List.of("1", "2"),
                "b", List.of("true", "false"),
                "t", List.of("2023-01-01T00:00:00Z", "2023-01-02T00:00:00Z"));

        assertThat(parser.string(twice, "s")).isNull();
        assertThat(parser.int64(twice, "l")).isNull();
        assertThat(parser.nullableBoolean(twice, "b")).isNull();
        assertThat(parser.time3339Nano(twice, "t")).isNull();
        assertThat(parser.errors())
                .extracting(ValidationError::field, ValidationError::detail)
                .containsExactly(duplicate("s"), duplicate("l"), duplicate("b"), duplicate("t"));
    }

    @Test
    void listReadersMergeRepeatsAndSplitCommasKeepingEmptyParts() {
        Map<String, List<String>> values = Map.of("role", List.of("owner,,auditor", "member", ","));

        assertThat(parser.strings(values, "role")).containsExactly("owner", "", "auditor", "member", "", "");
        assertThat(parser.hasErrors()).isFalse();
    }

    @Test
    void enumListReportsEveryUnknownTermInOneErrorAndReturnsNothing() {
        Map<String, List<String>> values = Map.of("status", List.of("active,x", "", "dormant,y"));

        List<String> result = parser.enumList(
                values, "status", v -> List.of("active", "dormant").contains(v) ? Optional.of(v) : Optional.empty());

        assertThat(result).isEmpty();
        assertThat(parser.errors())
                .containsExactly(
                        new ValidationError(
                                "status",
                                "Query param \"status\" has invalid values: \"x\" is not a valid value\n\"\" is not a valid value\n\"y\" is not a valid value"));
    }

    @Test
    void excessParamsAreReportedInTheMapsOrderAfterTheReadersErrors() {
        Map<String, List<String>> values = new LinkedHashMap<>();
        values.put("zeta", List.of("1"));
        values.put("known", List.of("x"));
        values.put("alpha", List.of("2"));

        parser.int64(values, "known");
        parser.errorExcessParams(values);

        assertThat(parser.errors())
                .extracting(ValidationError::field, ValidationError::detail)
                .containsExactly(
                        tuple(
                                "known",
                                "Query param \"known\" must be a valid 64-bit integer: strconv.ParseInt: parsing \"x\": invalid syntax"),
                        tuple("zeta", "\"zeta\" is not a valid query param"),
                        tuple("alpha", "\"alpha\" is not a valid query param"));
    }

    @Test
    void aKeyReadButAbsentOrEmptyIsNotExcess() {
        Map<String, List<String>> values = Map.of("s", List.of(""));

        parser.string(values, "s");
        parser.errorExcessParams(values);

        assertThat(parser.hasErrors()).isFalse();
    }

    @Test
    void requiredKeysMustBePresentWithANonEmptyFirstValue() {
        Map<String, List<String>> values = new LinkedHashMap<>();
        values.put("empty", List.of(""));
        values.put("emptyFirst", List.of("", "x"));
        values.put("given", List.of("x"));
        QueryParamParser required = new QueryParamParser().requiredNotEmpty("absent", "empty", "emptyFirst", "given");

        assertThat(required.uuid(values, "absent")).isNull();
        assertThat(required.uuid(values, "empty")).isNull();
        assertThat(required.string(values, "emptyFirst")).isNull();
        assertThat(required.string(values, "given")).isEqualTo("x");
        required.errorExcessParams(values);

        assertThat(required.errors())
                .extracting(ValidationError::field, ValidationError::detail)
                .containsExactly(
                        tuple("absent", "Query param \"absent\" is required and cannot be empty"),
                        tuple("empty", "Query param \"empty\" is required and cannot be empty"),
                        tuple("emptyFirst", "Query param \"emptyFirst\" is required and cannot be empty"));
    }

    @Test
    void aRequiredKeyGivenTwiceIsADuplicateNotMissing() {
        QueryParamParser required = new QueryParamParser().requiredNotEmpty("u");

        required.uuid(Map.of("u", List.of("a", "b")), "u");

        assertThat(required.errors())
                .extracting(ValidationError::field, ValidationError::detail)
                .containsExactly(duplicate("u"));
    }

    @Test
    void timesAreUpperCasedBeforeParsing() {
        Map<String, List<String>> values = Map.of("t", List.of("2023-01-01t10:00:00.5z"));

        assertThat(parser.time3339Nano(values, "t")).isEqualTo(Instant.parse("2023-01-01T10:00:00.500Z"));
    }

    @Test
    void timeErrorsNameTheLayoutAndQuoteTheUpperCasedValue() {
        parser.time3339Nano(Map.of("t", List.of("soon")), "t");

        assertThat(parser.errors())
                .containsExactly(
                        new ValidationError(
                                "t",
                                "Query param \"t\" must be a valid date format (2006-01-02T15:04:05.999999999Z07:00): parsing time"
                                        + " \"SOON\" as \"2006-01-02T15:04:05.999999999Z07:00\": cannot parse \"SOON\" as \"2006\""));
    }

    @Test
    void errorsIsASnapshot() {
        List<ValidationError> before = parser.errors();
        parser.int64(Map.of("l", List.of("x")), "l");

        assertThat(before).isEmpty();
        assertThat(parser.errors()).hasSize(1);
    }

    private static Tuple duplicate(String key) {
        return tuple(
                key,
                "Query param \"" + key
                        + "\" provided more than once, found 2 times. Only provide 1 instance of this query param.");
    }
}
