package dev.coderusers.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * Go's {@code time.Parse(time.RFC3339Nano, value)}, including the exact {@code *time.ParseError} texts.
 *
 * <p>Coder parses {@code created_before:…}-style search terms with it and reports failures as
 * {@code Query param "…" must be a valid date format (<layout>): <Go error>}. Go's layout parser is more
 * lenient than {@link java.time.format.DateTimeFormatter#ISO_OFFSET_DATE_TIME} in places (a one-digit
 * hour, a comma before the fraction, any number of fraction digits, offsets up to {@code +24:60}) and
 * stricter in others (four-digit years, {@code Z} only in upper case), so the algorithm is ported for
 * this one layout, step by step, on the UTF-8 bytes just as Go sees them.
 */
final class GoTime {

    static final String RFC3339_NANO = "2006-01-02T15:04:05.999999999Z07:00";

    private static final char[] LOWER_HEX = "0123456789abcdef".toCharArray();

    private final byte[] value;
    private int pos;

    private GoTime(String input) {
        this.value = input.getBytes(StandardCharsets.UTF_8);
    }

    /** Parses like Go and returns the instant (Go then calls {@code .UTC()}, which keeps the instant). */
    static Instant parseRfc3339Nano(String text) throws GoParseException {
        return new GoTime(text).parse();
    }

    private Instant parse() throws GoParseException {
        int year = longYear();
        skip('-');
        int month = twoDigits("01");
        if (month < 1 || month > 12) {
            throw outOfRange("month");
        }
        skip('-');
        // Any two digits pass here; Go validates the day against month and year once everything is read.
        int day = twoDigits("02");
        skip('T');
        int hour = hour();
        skip(':');
        int minute = twoDigits("04");
        if (minute >= 60) {
            throw outOfRange("minute");
        }
        skip(':');
        int second = twoDigits("05");
        if (second >= 60) {
            throw outOfRange("second");
        }
        int nanos = optionalFraction();
        int offsetSeconds = zone();
        if (pos < value.length) {
            throw new GoParseException("parsing time " + quote(value, 0, value.length) + ": extra text: "
                    + quote(value, pos, value.length));
        }
        if (day < 1 || day > YearMonth.of(year, month).lengthOfMonth()) {
            throw outOfRange("day");
        }
        long epochSecond =
                LocalDateTime.of(year, month, day, hour, minute, second).toEpochSecond(ZoneOffset.UTC) - offsetSeconds;
        return Instant.ofEpochSecond(epochSecond, nanos);
    }

    /** Layout element {@code 2006}: four bytes, all digits (Go's atoi rejects anything else). */
    private int longYear() throws GoParseException {
        int hold = pos;
        if (value.length - pos < 4) {
            throw cannotParse(hold, "2006");
        }
        int year = 0;
        for (int i = 0; i < 4; i++) {
            if (!isDigit(pos + i)) {
                throw cannotParse(hold, "2006");
            }
            year = year * 10 + (value[pos + i] - '0');
        }
        pos += 4;
        return year;
    }

    /** Layout elements {@code 01}, {@code 02}, {@code 04}, {@code 05}: exactly two digits. */
    private int twoDigits(String layoutElem) throws GoParseException {
        if (!isDigit(pos) || !isDigit(pos + 1)) {
            throw cannotParse(pos, layoutElem);
        }
        int n = (value[pos] - '0') * 10 + (value[pos + 1] - '0');
        pos += 2;
        return n;
    }

    /** Layout element {@code 15}: Go accepts one or two digits for the 24-hour clock. */
    private int hour() throws GoParseException {
        if (!isDigit(pos)) {
            throw cannotParse(pos, "15");
        }
        int hour = value[pos] - '0';
        pos++;
        if (isDigit(pos)) {
            hour = hour * 10 + (value[pos] - '0');
            pos++;
        }
        if (hour >= 24) {
            throw outOfRange("hour");
        }
        return hour;
    }

    /**
     * Layout element {@code .999999999}: optional; a period or comma and any number of digits, of which
     * the first nine count (the rest are truncated, not rounded).
     */
    private int optionalFraction() {
        if (value.length - pos < 2 || (value[pos] != '.' && value[pos] != ',') || !isDigit(pos + 1)) {
            return 0;
        }
        int digits = 0;
        while (isDigit(pos + 1 + digits)) {
            digits++;
        }
        int nanos = 0;
        for (int i = 0; i < 9; i++) {
            nanos = nanos * 10 + (i < digits ? value[pos + 1 + i] - '0' : 0);
        }
        pos += 1 + digits;
        return nanos;
    }

    /** Layout element {@code Z07:00}: {@code Z}, or a sign, two digits, a colon and two digits. */
    private int zone() throws GoParseException {
        int hold = pos;
        if (pos < value.length && value[pos] == 'Z') {
            pos++;
            return 0;
        }
        if (value.length - pos < 6 || value[pos + 3] != ':') {
            throw cannotParse(hold, "Z07:00");
        }
        byte sign = value[pos];
        // Go reads the minutes only when the hours are digits, and checks ranges before syntax; the
        // minute check overrides the hour check. Offsets of 24 hours or 60 minutes are accepted.
        boolean hoursOk = isDigit(pos + 1) && isDigit(pos + 2);
        int hours = hoursOk ? (value[pos + 1] - '0') * 10 + (value[pos + 2] - '0') : 0;
        boolean minutesOk = hoursOk && isDigit(pos + 4) && isDigit(pos + 5);
        int minutes = minutesOk ? (value[pos + 4] - '0') * 10 + (value[pos + 5] - '0') : 0;
        pos += 6;
        if (minutes > 60) {
            throw outOfRange("time zone offset minute");
        }
        if (hours > 24) {
            throw outOfRange("time zone offset hour");
        }
        if (!minutesOk || (sign != '+' && sign != '-')) {
            throw cannotParse(hold, "Z07:00");
        }
        int offset = (hours * 60 + minutes) * 60;
        return sign == '-' ? -offset : offset;
    }

    private void skip(char literal) throws GoParseException {
        if (pos >= value.length || value[pos] != literal) {
            throw cannotParse(pos, String.valueOf(literal));
        }
        pos++;
    }

    private boolean isDigit(int at) {
        return at < value.length && value[at] >= '0' && value[at] <= '9';
    }

    private GoParseException cannotParse(int valueElemStart, String layoutElem) {
        return new GoParseException("parsing time " + quote(value, 0, value.length) + " as " + quote(RFC3339_NANO)
                + ": cannot parse " + quote(value, valueElemStart, value.length) + " as " + quote(layoutElem));
    }

    private GoParseException outOfRange(String what) {
        return new GoParseException("parsing time " + quote(value, 0, value.length) + ": " + what + " out of range");
    }

    private static String quote(String ascii) {
        byte[] bytes = ascii.getBytes(StandardCharsets.UTF_8);
        return quote(bytes, 0, bytes.length);
    }

    /**
     * The time package's own {@code quote}, which differs from {@code strconv.Quote}: every byte that is not
     * printable ASCII (control bytes and each byte of a multi-byte character) is written as {@code \xNN}.
     */
    private static String quote(byte[] bytes, int from, int to) {
        StringBuilder out = new StringBuilder(to - from + 2).append('"');
        for (int i = from; i < to; i++) {
            int b = bytes[i] & 0xff;
            if (b >= 0x80 || b < ' ') {
                out.append("\\x").append(LOWER_HEX[b >> 4]).append(LOWER_HEX[b & 0xf]);
            } else {
                if (b == '"' || b == '\\') {
                    out.append('\\');
                }
                out.append((char) b);
            }
        }
        return out.append('"').toString();
    }
}
