package dev.coderusers.api;

/**
 * Strings as Go sees them: formatting and case mapping (Coder's error texts and query handling), runes and
 * UTF-8 lengths (Coder's password hashing and strength rule).
 *
 * <p>Coder builds validation details with {@code fmt.Sprintf("%q", …)} and lower-cases search queries
 * with {@code strings.ToLower}; clients may compare those texts, so they are reproduced exactly rather
 * than approximated with Java's {@code String.toLowerCase} (which applies locale and full case
 * mappings: {@code "İ"} becomes two characters in Java, one in Go).
 */
public final class GoText {

    private static final char[] LOWER_HEX = "0123456789abcdef".toCharArray();

    /** What Go's JSON decoder puts in place of an unpaired UTF-16 surrogate. */
    public static final int REPLACEMENT_CHARACTER = 0xFFFD;

    private GoText() {}

    /** The runes (code points) of {@code s}, each unpaired surrogate replaced by U+FFFD as Go does. */
    public static int[] runes(String s) {
        int[] runes = new int[s.length()];
        int count = 0;
        for (int i = 0; i < s.length(); ) {
            int codePoint = s.codePointAt(i);
            i += Character.charCount(codePoint);
            boolean unpairedSurrogate = codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE;
            runes[count++] = unpairedSurrogate ? REPLACEMENT_CHARACTER : codePoint;
        }
        return java.util.Arrays.copyOf(runes, count);
    }

    /** {@code s} with unpaired surrogates replaced, so that its UTF-8 bytes are the bytes Go would hold. */
    public static String wellFormed(String s) {
        int[] runes = runes(s);
        return new String(runes, 0, runes.length);
    }

    /** Go's {@code len(string)} of these runes: their length in UTF-8 bytes. */
    public static int utf8Length(int[] runes) {
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

    /**
     * {@code strconv.Quote} (and so {@code %q}): double-quoted, {@code "} and {@code \} backslashed,
     * printable runes kept as they are, everything else escaped ({@code \n}, {@code \x7f},
     * {@code \u00a0}, {@code \U000e0001}).
     */
    public static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); ) {
            int r = s.codePointAt(i);
            i += Character.charCount(r);
            appendEscapedRune(out, r);
        }
        return out.append('"').toString();
    }

    /** {@code strings.ToLower}: the simple (one rune to one rune) Unicode lower-case mapping, no locale. */
    public static String lower(String s) {
        return mapCodePoints(s, true);
    }

    /** {@code strings.ToUpper}: the simple Unicode upper-case mapping, no locale ({@code ß} stays {@code ß}). */
    public static String upper(String s) {
        return mapCodePoints(s, false);
    }

    private static String mapCodePoints(String s, boolean lower) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints()
                .map(cp -> lower ? Character.toLowerCase(cp) : Character.toUpperCase(cp))
                .forEach(out::appendCodePoint);
        return out.toString();
    }

    private static void appendEscapedRune(StringBuilder out, int r) {
        if (r == '"' || r == '\\') {
            out.append('\\').appendCodePoint(r);
            return;
        }
        if (isPrint(r)) {
            out.appendCodePoint(r);
            return;
        }
        switch (r) {
            case 0x07 -> out.append("\\a");
            case '\b' -> out.append("\\b");
            case '\f' -> out.append("\\f");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            case 0x0b -> out.append("\\v");
            default -> {
                if (r < ' ' || r == 0x7f) {
                    out.append("\\x");
                    appendHex(out, r, 2);
                } else if (r >= Character.MIN_SURROGATE && r <= Character.MAX_SURROGATE) {
                    // A lone surrogate is what Go calls an invalid rune: it prints U+FFFD instead.
                    out.append("\\ufffd");
                } else if (r < 0x10000) {
                    out.append("\\u");
                    appendHex(out, r, 4);
                } else {
                    out.append("\\U");
                    appendHex(out, r, 8);
                }
            }
        }
    }

    private static void appendHex(StringBuilder out, int value, int digits) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            out.append(LOWER_HEX[(value >>> shift) & 0xf]);
        }
    }

    /** {@code unicode.IsPrint}: letters, marks, numbers, punctuation, symbols and the ASCII space. */
    static boolean isPrint(int r) {
        if (r == ' ') {
            return true;
        }
        return switch (Character.getType(r)) {
            case Character.UPPERCASE_LETTER,
                    Character.LOWERCASE_LETTER,
                    Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER,
                    Character.OTHER_LETTER,
                    Character.NON_SPACING_MARK,
                    Character.ENCLOSING_MARK,
                    Character.COMBINING_SPACING_MARK,
                    Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER,
                    Character.OTHER_NUMBER,
                    Character.CONNECTOR_PUNCTUATION,
                    Character.DASH_PUNCTUATION,
                    Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION,
                    Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION,
                    Character.MATH_SYMBOL,
                    Character.CURRENCY_SYMBOL,
                    Character.MODIFIER_SYMBOL,
                    Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }
}
