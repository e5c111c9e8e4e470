package dev.coderusers.api;

/**
 * Go's {@code time.Duration.String()}: {@code 168h0m0s}, {@code 1m30s}, {@code 1.5s}, {@code 500ms},
 * {@code 2µs}, {@code 1ns}, {@code 0s}. Coder puts durations formatted this way in error details (e.g.
 * {@code lifetime must be less than 168h0m0s}), so clients that match on the text see Go's exact output.
 */
public final class GoDuration {

    private static final long MICROSECOND = 1_000L;
    private static final long MILLISECOND = 1_000_000L;
    private static final long SECOND = 1_000_000_000L;

    private GoDuration() {}

    /** Formats {@code nanos} nanoseconds as Go does, including {@link Long#MIN_VALUE}. */
    public static String format(long nanos) {
        boolean negative = nanos < 0;
        // Go works on the unsigned magnitude, which is representable even for the most negative value.
        long u = negative ? -nanos : nanos;
        StringBuilder out = new StringBuilder();
        if (Long.compareUnsigned(u, SECOND) < 0) {
            if (u == 0) {
                return "0s";
            }
            int precision;
            String unit;
            if (u < MICROSECOND) {
                precision = 0;
                unit = "ns";
            } else if (u < MILLISECOND) {
                precision = 3;
                unit = "\u00b5s";
            } else {
                precision = 6;
                unit = "ms";
            }
            out.append(Long.toUnsignedString(Long.divideUnsigned(u, pow10(precision))))
                    .append(fraction(Long.remainderUnsigned(u, pow10(precision)), precision))
                    .append(unit);
        } else {
            String fraction = fraction(Long.remainderUnsigned(u, SECOND), 9);
            long wholeSeconds = Long.divideUnsigned(u, SECOND);
            long seconds = wholeSeconds % 60;
            long minutesTotal = wholeSeconds / 60;
            if (minutesTotal > 0) {
                long minutes = minutesTotal % 60;
                long hours = minutesTotal / 60;
                if (hours > 0) {
                    out.append(hours).append('h');
                }
                out.append(minutes).append('m');
            }
            out.append(seconds).append(fraction).append('s');
        }
        return negative ? "-" + out : out.toString();
    }

    /** The digits after the decimal point of {@code value / 10^precision}, trailing zeros dropped; "" if none. */
    private static String fraction(long remainder, int precision) {
        if (remainder == 0) {
            return "";
        }
        StringBuilder digits = new StringBuilder(Long.toString(remainder));
        while (digits.length() < precision) {
            digits.insert(0, '0');
        }
        int end = digits.length();
        while (digits.charAt(end - 1) == '0') {
            end--;
        }
        return "." + digits.substring(0, end);
    }

    private static long pow10(int exponent) {
        long value = 1;
        for (int i = 0; i < exponent; i++) {
            value *= 10;
        }
        return value;
    }
}
