package dev.coderusers.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code time.Parse(time.RFC3339Nano, …)} as of current Go (1.23+), the toolchain Coder builds with.
 * Go 1.19 was run on the same inputs: it agrees except where later Go changed on purpose — fractions
 * longer than nine digits (truncated now, rejected then), time-zone offset range checks, and the value
 * quoted after a failed year or zone (the element as it was before the attempt, now).
 */
class GoTimeTest {

    private static final String AS_LAYOUT = " as \"2006-01-02T15:04:05.999999999Z07:00\": cannot parse ";

    @ParameterizedTest
    @CsvSource({
        "2023-01-01T00:00:00Z, 2023-01-01T00:00:00Z",
        "2023-01-31T23:59:59Z, 2023-01-31T23:59:59Z",
        "2023-01-16T00:00:00+12:00, 2023-01-15T12:00:00Z",
        "2023-01-18T07:00:00-05:00, 2023-01-18T12:00:00Z",
        "2023-01-01T00:00:00-00:00, 2023-01-01T00:00:00Z",
        "2023-01-01T00:00:00.123456789Z, 2023-01-01T00:00:00.123456789Z",
        "2023-01-01T00:00:00.5+01:00, 2022-12-31T23:00:00.500Z",
        // Go takes a comma for the fraction, any number of digits (truncating after nine) and one-digit hours.
        "'2023-01-01T00:00:00,123+01:00', 2022-12-31T23:00:00.123Z",
        "2023-01-01T00:00:00.1234567891234Z, 2023-01-01T00:00:00.123456789Z",
        "2023-01-01T1:00:00Z, 2023-01-01T01:00:00Z",
        "2023-01-01T9:59:00Z, 2023-01-01T09:59:00Z",
        // Offsets of 24 hours and 60 minutes are accepted on purpose.
        "2023-01-01T00:00:00+24:00, 2022-12-31T00:00:00Z",
        "2023-01-01T00:00:00-24:60, 2023-01-02T01:00:00Z",
        "2024-02-29T00:00:00Z, 2024-02-29T00:00:00Z",
        "0000-02-29T00:00:00Z, 0000-02-29T00:00:00Z",
        "0001-01-01T00:00:00Z, 0001-01-01T00:00:00Z",
        "9999-12-31T23:59:59.999999999Z, 9999-12-31T23:59:59.999999999Z"
    })
    void parsesWhatGoAccepts(String input, String expected) throws GoParseException {
        assertThat(GoTime.parseRfc3339Nano(input)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "''|\"\"|\"2006\"",
                "YESTERDAY|\"YESTERDAY\"|\"2006\"",
                "202|\"202\"|\"2006\"",
                "2-23-01-01T00:00:00Z|\"2-23-01-01T00:00:00Z\"|\"2006\"",
                "+023-01-01T00:00:00Z|\"+023-01-01T00:00:00Z\"|\"2006\"",
                "2023|\"\"|\"-\"",
                "2023-1-01T00:00:00Z|\"1-01T00:00:00Z\"|\"01\"",
                "2023-01-1T00:00:00Z|\"1T00:00:00Z\"|\"02\"",
                "2023-01-01|\"\"|\"T\"",
                "2023-01-01t00:00:00z|\"t00:00:00z\"|\"T\"",
                "2023-01-01T|\"\"|\"15\"",
                "2023-01-01T00:00|\"\"|\":\"",
                "2023-01-01T00:0:00Z|\"0:00Z\"|\"04\"",
                "2023-01-01T00:00:0Z|\"0Z\"|\"05\"",
                "2023-01-01T00:00:00|\"\"|\"Z07:00\"",
                "2023-01-01T00:00:00.Z|\".Z\"|\"Z07:00\"",
                "2023-01-01T00:00:00.aZ|\".aZ\"|\"Z07:00\"",
                "2023-01-01T00:00:00+0100|\"+0100\"|\"Z07:00\"",
                "2023-01-01T00:00:00+01:0|\"+01:0\"|\"Z07:00\"",
                "2023-01-01T00:00:00*01:00|\"*01:00\"|\"Z07:00\"",
                "2023-01-01T00:00:00+a1:00|\"+a1:00\"|\"Z07:00\"",
                "2023-01-01T00:00:00+01:a0|\"+01:a0\"|\"Z07:00\"",
                "2023-01-01T00:00:00++4:60|\"++4:60\"|\"Z07:00\"",
                "2023\"01|\"\\\"01\"|\"-\""
            })
    void reportsWhereParsingStopped(String input, String valueElem, String layoutElem) {
        assertThatThrownBy(() -> GoTime.parseRfc3339Nano(input))
                .isInstanceOf(GoParseException.class)
                .hasMessage("parsing time " + GoText.quote(input) + AS_LAYOUT + valueElem + " as " + layoutElem);
    }

    @ParameterizedTest
    @CsvSource({
        "2023-13-01T00:00:00Z, month",
        "2023-00-01T00:00:00Z, month",
        "2023-02-29T00:00:00Z, day",
        "2023-02-30T00:00:00Z, day",
        "2023-04-31T00:00:00Z, day",
        "2023-01-00T00:00:00Z, day",
        "2023-01-32T00:00:00Z, day",
        "2023-01-01T24:00:00Z, hour",
        "2023-01-01T99:00:00Z, hour",
        "2023-01-01T00:60:00Z, minute",
        "2023-01-01T00:00:60Z, second",
        "2023-01-01T00:00:00+25:00, time zone offset hour",
        "2023-01-01T00:00:00+00:61, time zone offset minute",
        "2023-01-01T00:00:00+99:99, time zone offset minute",
        // The zone's range is checked before anything after it.
        "2023-01-01T00:00:00+27:605, time zone offset hour"
    })
    void reportsValuesOutOfRange(String input, String what) {
        assertThatThrownBy(() -> GoTime.parseRfc3339Nano(input))
                .isInstanceOf(GoParseException.class)
                .hasMessage("parsing time \"" + input + "\": " + what + " out of range");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "2023-01-01T00:00:00ZZ|\"2023-01-01T00:00:00ZZ\"|\"Z\"",
                "'2023-01-01T00:00:00Z '|\"2023-01-01T00:00:00Z \"|\" \"",
                "2023-01-01T00:00:00+01:00x|\"2023-01-01T00:00:00+01:00x\"|\"x\"",
                // Go's time package quotes every non-ASCII byte on its own.
                "2023-01-01T00:00:00Zé|\"2023-01-01T00:00:00Z\\xc3\\xa9\"|\"\\xc3\\xa9\"",
                // Extra text is reported before the day is validated.
                "2023-02-30T00:00:00Z!|\"2023-02-30T00:00:00Z!\"|\"!\""
            })
    void reportsExtraText(String input, String quotedInput, String quotedRest) {
        assertThatThrownBy(() -> GoTime.parseRfc3339Nano(input))
                .isInstanceOf(GoParseException.class)
                .hasMessage("parsing time " + quotedInput + ": extra text: " + quotedRest);
    }

    @ParameterizedTest
    @CsvSource({"STRAßE, \"STRA\\xc3\\x9fE\"", "É, \"\\xc3\\x89\""})
    void quotesNonAsciiInputByteByByte(String input, String quoted) {
        assertThatThrownBy(() -> GoTime.parseRfc3339Nano(input))
                .isInstanceOf(GoParseException.class)
                .hasMessage("parsing time " + quoted + AS_LAYOUT + quoted + " as \"2006\"");
    }
}
