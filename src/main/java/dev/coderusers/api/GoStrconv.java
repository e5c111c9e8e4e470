package dev.coderusers.api;

/**
 * Go's {@code strconv.ParseInt} (base 10) and {@code strconv.ParseBool}, with their exact error texts.
 *
 * <p>Coder's query-parameter errors embed the {@code *strconv.NumError} text, e.g.
 * {@code strconv.ParseInt: parsing "abc": invalid syntax}. Which of "invalid syntax" and "value out of
 * range" Go reports depends on the order in which it scans the digits ({@code "99999999999x"} is out of
 * range, {@code "9x"} is a syntax error), so the scan is ported step by step rather than delegated to
 * {@link Long#parseLong}, which also accepts inputs Go rejects and reports differently.
 */
final class GoStrconv {

    private static final String SYNTAX = "invalid syntax";
    private static final String RANGE = "value out of range";

    /** The smallest n such that n * 10 overflows an unsigned 64-bit integer. */
    private static final long CUTOFF_BASE_10 = Long.divideUnsigned(-1L, 10) + 1;

    private GoStrconv() {}

    /** {@code strconv.ParseInt(s, 10, bitSize)}: optional sign, decimal digits only, no spaces or underscores. */
    static long parseInt(String s, int bitSize) throws GoParseException {
        if (s.isEmpty()) {
            throw numError("ParseInt", s, SYNTAX);
        }
        String digits = s;
        boolean negative = false;
        if (s.charAt(0) == '+') {
            digits = s.substring(1);
        } else if (s.charAt(0) == '-') {
            negative = true;
            digits = s.substring(1);
        }
        long maxUnsigned = bitSize == 64 ? -1L : (1L << bitSize) - 1;
        long magnitude = 0;
        String failure = digits.isEmpty() ? SYNTAX : null;
        for (int i = 0; failure == null && i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                failure = SYNTAX;
            } else if (Long.compareUnsigned(magnitude, CUTOFF_BASE_10) >= 0) {
                failure = RANGE;
            } else {
                long next = magnitude * 10 + (c - '0');
                if (Long.compareUnsigned(next, magnitude * 10) < 0 || Long.compareUnsigned(next, maxUnsigned) > 0) {
                    failure = RANGE;
                } else {
                    magnitude = next;
                }
            }
        }
        if (SYNTAX.equals(failure)) {
            throw numError("ParseInt", s, SYNTAX);
        }
        if (RANGE.equals(failure)) {
            // Go's ParseUint stops at the first overflowing digit and ParseInt turns that into a range
            // error even if a non-digit follows.
            throw numError("ParseInt", s, RANGE);
        }
        long signedLimit = 1L << (bitSize - 1);
        if (!negative && Long.compareUnsigned(magnitude, signedLimit) >= 0) {
            throw numError("ParseInt", s, RANGE);
        }
        if (negative && Long.compareUnsigned(magnitude, signedLimit) > 0) {
            throw numError("ParseInt", s, RANGE);
        }
        return negative ? -magnitude : magnitude;
    }

    /** {@code strconv.ParseBool}: exactly 1, t, T, TRUE, true, True and their false counterparts. */
    static boolean parseBool(String s) throws GoParseException {
        return switch (s) {
            case "1", "t", "T", "true", "TRUE", "True" -> true;
            case "0", "f", "F", "false", "FALSE", "False" -> false;
            default -> throw numError("ParseBool", s, SYNTAX);
        };
    }

    /** {@code (*strconv.NumError).Error()}. */
    private static GoParseException numError(String function, String input, String reason) {
        return new GoParseException("strconv." + function + ": parsing " + GoText.quote(input) + ": " + reason);
    }
}
