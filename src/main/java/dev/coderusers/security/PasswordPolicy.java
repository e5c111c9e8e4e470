package dev.coderusers.security;

import dev.coderusers.api.GoText;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Coder's password strength rule ({@code coderd/userpassword.Validate}), ported so that exactly the
 * passwords Coder accepts are accepted here, with Coder's messages word for word: users and their
 * passwords can move between Coder and this service in either direction, and clients that show
 * Coder's validation text keep working.
 *
 * <p>The rule is {@code wagslane/go-password-validator} v0.3.0 with a minimum of 52 bits of entropy,
 * then a limit of 64 UTF-8 bytes. The entropy estimate is ported with its quirks kept on purpose
 * (how sequences are skipped, a length counted in bytes): a "fixed" estimate would reject or accept
 * passwords that Coder does not.
 */
@ApplicationScoped
public class PasswordPolicy {

    /** Coder's {@code passwordvalidator.Validate(password, 52)}. */
    static final double MIN_ENTROPY_BITS = 52;

    /** Coder checks {@code len(password) > 64}: Go's length is in bytes, though the message says characters. */
    static final int MAX_BYTES = 64;

    static final String TOO_LONG = "password must be no more than 64 characters";

    // The validator's character groups. Each group present adds its size to the base once.
    private static final String REPLACE_CHARS = "!@$&*";
    private static final String SEPARATOR_CHARS = "_-., ";
    private static final String OTHER_SPECIAL_CHARS = "\"#%'()+/:;<=>?[\\]^{|}~";
    private static final String LOWER_CHARS = "abcdefghijklmnopqrstuvwxyz";
    private static final String UPPER_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String DIGIT_CHARS = "0123456789";

    /** Sequences whose 3rd and later characters do not count, forwards first, then reversed. */
    private static final List<int[]> SEQUENCES =
            sequences("0123456789", "qwertyuiop", "asdfghjkl", "zxcvbnm", "abcdefghijklmnopqrstuvwxyz");

    /** 1/ln 2 as Go's {@code math.Log2} uses it (Go rounds the exact constant to the nearest double). */
    private static final double LOG2_E = 1.4426950408889634;

    /**
     * Why Coder would refuse {@code password}, in Coder's words, or empty if it is acceptable. A
     * {@code null} password is judged as {@code ""}, the value Go sees for a missing JSON field.
     */
    public Optional<String> problem(String password) {
        int[] runes = GoText.runes(password == null ? "" : password);
        if (entropyBits(runes) < MIN_ENTROPY_BITS) {
            return Optional.of(insecureMessage(runes));
        }
        // Coder runs the length limit only after the entropy check: a long, weak password gets the
        // entropy message.
        if (GoText.utf8Length(runes) > MAX_BYTES) {
            return Optional.of(TOO_LONG);
        }
        return Optional.empty();
    }

    /** The validator's entropy estimate in bits: {@code length × log2(base)}, summed per character. */
    static double entropyBits(String password) {
        return entropyBits(GoText.runes(password));
    }

    static double entropyBits(int[] runes) {
        double perCharacter = goLog2(base(runes));
        int length = effectiveLength(runes);
        // Go adds log2(base) once per character rather than multiplying; summing the same way keeps
        // exact results exact (base 16 × 13 characters is exactly 52 bits, which passes).
        double total = 0;
        for (int i = 0; i < length; i++) {
            total += perCharacter;
        }
        return total;
    }

    /** The alphabet size: each group present counts its full size, every other distinct rune counts 1. */
    static int base(int[] runes) {
        boolean replace = false;
        boolean separator = false;
        boolean otherSpecial = false;
        boolean lower = false;
        boolean upper = false;
        boolean digits = false;
        int base = 0;
        for (int rune : Arrays.stream(runes).distinct().toArray()) {
            if (contains(REPLACE_CHARS, rune)) {
                replace = true;
            } else if (contains(SEPARATOR_CHARS, rune)) {
                separator = true;
            } else if (contains(OTHER_SPECIAL_CHARS, rune)) {
                otherSpecial = true;
            } else if (contains(LOWER_CHARS, rune)) {
                lower = true;
            } else if (contains(UPPER_CHARS, rune)) {
                upper = true;
            } else if (contains(DIGIT_CHARS, rune)) {
                digits = true;
            } else {
                base++;
            }
        }
        return base
                + (replace ? REPLACE_CHARS.length() : 0)
                + (separator ? SEPARATOR_CHARS.length() : 0)
                + (otherSpecial ? OTHER_SPECIAL_CHARS.length() : 0)
                + (lower ? LOWER_CHARS.length() : 0)
                + (upper ? UPPER_CHARS.length() : 0)
                + (digits ? DIGIT_CHARS.length() : 0);
    }

    /**
     * The length that counts: runs and sequences trimmed, then measured as Go's {@code len(string)},
     * which is UTF-8 bytes, so a multi-byte rune counts 2 to 4 times here while adding 1 to the base.
     */
    static int effectiveLength(int[] runes) {
        int[] trimmed = removeRepeats(runes);
        for (int[] sequence : SEQUENCES) {
            trimmed = removeSequence(trimmed, sequence);
        }
        return GoText.utf8Length(trimmed);
    }

    /**
     * Drops the 3rd and later rune of every run of identical runes. The two "previous" runes start as
     * U+0000, as in Go, so leading NUL runes count for nothing.
     */
    static int[] removeRepeats(int[] password) {
        int[] runes = password.clone();
        int length = runes.length;
        int previous = 0;
        int beforePrevious = 0;
        for (int i = 0; i < length; i++) {
            int rune = runes[i];
            if (rune == previous && rune == beforePrevious) {
                length = deleteAt(runes, length, i);
                i--;
            }
            beforePrevious = previous;
            previous = rune;
        }
        return Arrays.copyOf(runes, length);
    }

    /**
     * The validator's sequence filter, ported loop for loop. It does not find every run of 3: the
     * inner loop walks the sequence once per outer step and moves {@code i} itself, the outer loop then
     * steps {@code i} again (skipping a rune), and {@code matches} carries over between outer steps.
     * For example "abzcde" keeps all of "cde" against the alphabet, "abcdef" shrinks to "ab", and
     * "zQabc" shrinks to "zQa" (the "z" that ends the alphabet still counts when "ab" follows).
     */
    static int[] removeSequence(int[] password, int[] sequence) {
        int[] runes = password.clone();
        int length = runes.length;
        int matches = 0;
        for (int i = 0; i < length; i++) {
            for (int j = 0; j < sequence.length; j++) {
                if (i >= length) {
                    break;
                }
                if (runes[i] != sequence[j]) {
                    matches = 0;
                    continue;
                }
                matches++;
                if (matches > 2) {
                    length = deleteAt(runes, length, i);
                } else {
                    i++;
                }
            }
        }
        return Arrays.copyOf(runes, length);
    }

    /** The validator's advice: which classes are missing, joined with ", ". */
    private static String insecureMessage(int[] runes) {
        boolean replace = false;
        boolean separator = false;
        boolean otherSpecial = false;
        boolean lower = false;
        boolean upper = false;
        boolean digits = false;
        for (int rune : runes) {
            replace |= contains(REPLACE_CHARS, rune);
            separator |= contains(SEPARATOR_CHARS, rune);
            otherSpecial |= contains(OTHER_SPECIAL_CHARS, rune);
            lower |= contains(LOWER_CHARS, rune);
            upper |= contains(UPPER_CHARS, rune);
            digits |= contains(DIGIT_CHARS, rune);
        }
        List<String> advice = new ArrayList<>();
        // "More" special characters: one of each of the three special groups is wanted.
        if (!otherSpecial || !separator || !replace) {
            advice.add("including more special characters");
        }
        if (!lower) {
            advice.add("using lowercase letters");
        }
        if (!upper) {
            advice.add("using uppercase letters");
        }
        if (!digits) {
            advice.add("using numbers");
        }
        if (advice.isEmpty()) {
            return "insecure password, try using a longer password";
        }
        return "insecure password, try " + String.join(", ", advice) + " or using a longer password";
    }

    /**
     * Go's {@code math.Log2}: exact for powers of two, otherwise {@code log(frac) / ln 2 + exp}. The
     * exact case matters (a base of 16 or 4 can land on exactly 52 bits); elsewhere a last-bit
     * difference from Go's {@code math.Log} cannot change a verdict, since no other base and length
     * comes within 0.016 bits of 52.
     */
    static double goLog2(double x) {
        if (x == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        // Go's Frexp: x = frac × 2^exp with frac in [0.5, 1). Bases are small positive integers here.
        int exp = Math.getExponent(x) + 1;
        double frac = Math.scalb(x, -exp);
        if (frac == 0.5) {
            return exp - 1;
        }
        return StrictMath.log(frac) * LOG2_E + exp;
    }

    private static int deleteAt(int[] runes, int length, int index) {
        System.arraycopy(runes, index + 1, runes, index, length - index - 1);
        return length - 1;
    }

    private static boolean contains(String group, int rune) {
        return group.indexOf(rune) >= 0;
    }

    private static List<int[]> sequences(String... forwards) {
        List<int[]> all = new ArrayList<>();
        for (String sequence : forwards) {
            all.add(sequence.codePoints().toArray());
        }
        for (String sequence : forwards) {
            all.add(new StringBuilder(sequence).reverse().codePoints().toArray());
        }
        return List.copyOf(all);
    }
}
