package dev.coderusers.api;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * {@code github.com/google/uuid.Parse}, the UUID parser behind Coder's query parameters.
 *
 * <p>It accepts exactly four shapes, measured in bytes: 36 (canonical), 45 ({@code urn:uuid:} prefix, any
 * case), 38 (the canonical form with one arbitrary byte either side — meant for braces but not checked)
 * and 32 (bare hex). {@link UUID#fromString} differs both ways (it accepts {@code 1-1-1-1-1} and rejects
 * the braced and bare forms), so a client's {@code after_id} is judged here exactly as Coder judges it.
 */
public final class GoUuid {

    private static final int[] HEX_PAIRS = {0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34};
    private static final byte[] URN_PREFIX = "urn:uuid:".getBytes(StandardCharsets.US_ASCII);

    private GoUuid() {}

    /** Whether Go's {@code uuid.Parse} accepts {@code text}. */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (GoParseException e) {
            return false;
        }
    }

    static UUID parse(String text) throws GoParseException {
        byte[] s = text.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[16];
        int start;
        switch (s.length) {
            case 36 -> start = 0;
            case 45 -> {
                if (!hasUrnPrefix(s)) {
                    throw new GoParseException(
                            "invalid urn prefix: " + GoText.quote(new String(s, 0, 9, StandardCharsets.UTF_8)));
                }
                start = 9;
            }
            case 38 -> start = 1;
            case 32 -> {
                for (int i = 0; i < 16; i++) {
                    bytes[i] = hexPair(s, i * 2);
                }
                return toUuid(bytes);
            }
            default -> throw new GoParseException("invalid UUID length: " + s.length);
        }
        if (s[start + 8] != '-' || s[start + 13] != '-' || s[start + 18] != '-' || s[start + 23] != '-') {
            throw invalidFormat();
        }
        for (int i = 0; i < 16; i++) {
            bytes[i] = hexPair(s, start + HEX_PAIRS[i]);
        }
        return toUuid(bytes);
    }

    private static boolean hasUrnPrefix(byte[] s) {
        for (int i = 0; i < URN_PREFIX.length; i++) {
            int c = s[i];
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != URN_PREFIX[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte hexPair(byte[] s, int at) throws GoParseException {
        int high = Character.digit(asciiOrInvalid(s[at]), 16);
        int low = Character.digit(asciiOrInvalid(s[at + 1]), 16);
        if (high < 0 || low < 0) {
            throw invalidFormat();
        }
        return (byte) ((high << 4) | low);
    }

    /** Character.digit also knows non-ASCII digits (e.g. fullwidth); Go's table holds only 0-9, a-f, A-F. */
    private static char asciiOrInvalid(byte b) {
        return b >= 0 ? (char) b : 'x';
    }

    private static GoParseException invalidFormat() {
        return new GoParseException("invalid UUID format");
    }

    private static UUID toUuid(byte[] b) {
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            msb = (msb << 8) | (b[i] & 0xff);
            lsb = (lsb << 8) | (b[i + 8] & 0xff);
        }
        return new UUID(msb, lsb);
    }
}
