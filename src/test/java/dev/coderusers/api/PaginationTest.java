package dev.coderusers.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PaginationTest {

    private static final String ID = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";

    @Test
    void absentParametersMeanFirstPageWithoutLimit() {
        Pagination page = Pagination.parse(query());

        assertThat(page).isEqualTo(new Pagination(null, 0, 0));
        assertThat(page.hasLimit()).isFalse();
    }

    @Test
    void readsAllThreeParameters() {
        Pagination page = Pagination.parse(query("after_id", ID, "limit", "25", "offset", "50"));

        assertThat(page).isEqualTo(new Pagination(UUID.fromString(ID), 25, 50));
        assertThat(page.hasLimit()).isTrue();
    }

    @Test
    void ignoresParametersItDoesNotOwn() {
        assertThat(Pagination.parse(query("q", "status:active", "LIMIT", "abc", "foo", "bar")))
                .isEqualTo(new Pagination(null, 0, 0));
    }

    @Test
    void anEmptyValueIsTheDefault() {
        assertThat(Pagination.parse(query("after_id", "", "limit", "", "offset", "")))
                .isEqualTo(new Pagination(null, 0, 0));
    }

    @Test
    void theNilUuidIsNoCursorAsInCodersSql() {
        assertThat(Pagination.parse(query("after_id", "00000000-0000-0000-0000-000000000000"))
                        .afterId())
                .isNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "3F2504E0-4F89-11D3-9A0C-0305E82C3301",
                "{3f2504e0-4f89-11d3-9a0c-0305e82c3301}",
                "urn:uuid:3f2504e0-4f89-11d3-9a0c-0305e82c3301",
                "3f2504e04f8911d39a0c0305e82c3301"
            })
    void acceptsEveryUuidShapeCoderAccepts(String afterId) {
        assertThat(Pagination.parse(query("after_id", afterId)).afterId()).isEqualTo(UUID.fromString(ID));
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "-0, 0", "+5, 5", "007, 7", "2147483647, 2147483647"})
    void acceptsAnyNonNegativeInt32WithoutMaximum(String raw, int expected) {
        Pagination page = Pagination.parse(query("limit", raw, "offset", raw));

        assertThat(page.limit()).isEqualTo(expected);
        assertThat(page.offset()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1-1-1-1-1", ID + "0", "3f2504e0-4f89-11d3-9a0c-0305e82c330g", "null"})
    void rejectsAnInvalidCursor(String afterId) {
        assertInvalid(
                query("after_id", afterId),
                new ValidationError("after_id", "Query param \"after_id\" must be a valid uuid"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "abc|strconv.ParseInt: parsing \"abc\": invalid syntax",
                "1.5|strconv.ParseInt: parsing \"1.5\": invalid syntax",
                "' 5'|strconv.ParseInt: parsing \" 5\": invalid syntax",
                "1e3|strconv.ParseInt: parsing \"1e3\": invalid syntax",
                "-|strconv.ParseInt: parsing \"-\": invalid syntax",
                "-1|value is negative",
                "-2147483648|value is negative",
                "2147483648|strconv.ParseInt: parsing \"2147483648\": value out of range",
                "99999999999|strconv.ParseInt: parsing \"99999999999\": value out of range",
                "-99999999999|strconv.ParseInt: parsing \"-99999999999\": value out of range"
            })
    void rejectsValuesOutsideThePositiveInt32Range(String raw, String reason) {
        assertInvalid(
                query("limit", raw),
                new ValidationError(
                        "limit", "Query param \"limit\" must be a valid 32-bit positive integer: " + reason));
        assertInvalid(
                query("offset", raw),
                new ValidationError(
                        "offset", "Query param \"offset\" must be a valid 32-bit positive integer: " + reason));
    }

    @Test
    void rejectsARepeatedParameter() {
        MultivaluedMap<String, String> query = query("limit", "1", "limit", "2");

        assertInvalid(
                query,
                new ValidationError(
                        "limit",
                        "Query param \"limit\" provided more than once, found 2 times. Only provide 1 instance of this query param."));
    }

    @Test
    void countsEveryRepeatEvenEmptyOnes() {
        assertInvalid(
                query("after_id", ID, "after_id", "", "after_id", "x"),
                new ValidationError(
                        "after_id",
                        "Query param \"after_id\" provided more than once, found 3 times. Only provide 1 instance of this query param."));
    }

    @Test
    void anEmptyFirstValueHidesLaterOnesAsInGo() {
        // url.Values.Get returns the first value; Coder treats an empty one as "not given" and looks no further.
        assertThat(Pagination.parse(query("limit", "", "limit", "5", "offset", "", "offset", "-1")))
                .isEqualTo(new Pagination(null, 0, 0));
    }

    @Test
    void reportsEveryInvalidParameterInCodersOrder() {
        assertInvalid(
                query("offset", "-3", "limit", "x", "limit", "y", "after_id", "nope"),
                new ValidationError("after_id", "Query param \"after_id\" must be a valid uuid"),
                new ValidationError(
                        "limit",
                        "Query param \"limit\" provided more than once, found 2 times. Only provide 1 instance of this query param."),
                new ValidationError(
                        "offset", "Query param \"offset\" must be a valid 32-bit positive integer: value is negative"));
    }

    @Test
    void acceptsAPlainMapOfLists() {
        assertThat(Pagination.parse(Map.of("limit", List.of("3")))).isEqualTo(new Pagination(null, 3, 0));
    }

    private static void assertInvalid(MultivaluedMap<String, String> query, ValidationError... expected) {
        assertThatThrownBy(() -> Pagination.parse(query)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.body().message()).isEqualTo("Query parameters have invalid values.");
            assertThat(e.body().detail()).isNull();
            assertThat(e.body().validations()).containsExactly(expected);
        });
    }

    /** Name/value pairs, in order; a repeated name adds a value, as a repeated query parameter does. */
    private static MultivaluedMap<String, String> query(String... pairs) {
        MultivaluedMap<String, String> query = new MultivaluedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            query.add(pairs[i], pairs[i + 1]);
        }
        return query;
    }
}
