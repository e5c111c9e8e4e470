package dev.coderusers.security;

import java.util.Arrays;

/**
 * A Java string as Coder (Go) sees the same password. Go's JSON decoder turns an unpaired UTF-16
 * surrogate into U+FFFD, and Go measures strings in UTF-8 bytes; hashing and the strength rule both
 * go through here so that a password hashes, measures and validates the same on both sides.
 */
final class GoText {

    static final int REPLACEMENT_CHARACTER = 0xFFFD;

    private GoText() {}

    /** The runes (code points) of {@code s}, each unpaired surrogate replaced by U+FFFD as Go does. */
    static int[] runes(String s) {
        int[] runes = new int[s.length()];
        int count = 0;
        for (int i = 0; i < s.length(); ) {
            int codePoint = s.codePointAt(i);
            i += Character.charCount(codePoint);
            boolean unpairedSurrogate = codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE;
            runes[count++] = unpairedSurrogate ? REPLACEMENT_CHARACTER : codePoint;
        }
        return Arrays.copyOf(runes, count);
    }

    /** {@code s} with unpaired surrogates replaced, so that its UTF-8 bytes are the bytes Go would hold. */
    static String wellFormed(String s) {
        int[] runes = runes(s);
        return new String(runes, 0, runes.length);
    }

    /** Go's {@code len(string)} of these runes: their length in UTF-8 bytes. */
    static int utf8Length(int[] runes) {
        int bytes = 0;
        for (int rune : runes) {
            if (rune < 0x80) {
                bytes += 1;
            } else if (rune < 0x800) {
                bytes += 2;
            } else if (rune < 0x10000) {
                bytes += 3;
            } else {
                bytes += 4;
            }
        }
        return bytes;
    }
}
