package dev.coderusers.auth;

import dev.coderusers.api.validation.CoderUsername;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Usernames and display names for users who arrive from an identity provider, derived as Coder does
 * ({@code codersdk.UsernameFrom}, {@code NormalizeRealUsername}, and the random names of its collision
 * suffixes).
 */
final class Usernames {

    private static final Pattern NOT_USERNAME_CHARACTER = Pattern.compile("[^a-zA-Z0-9-]");

    /** Display names longer than this many bytes are cut (Coder's {@code user_real_name} limit). */
    static final int MAX_NAME_BYTES = 128;

    /** How many suffixed alternatives are tried before a taken username is given up on (Coder: 10). */
    static final int ALTERNATIVES = 10;

    // Word lists for readable random names in the style of Docker's names generator (which Coder uses).
    private static final List<String> ADJECTIVES = List.of(
            "agile", "bold", "brave", "bright", "calm", "clever", "cool", "eager", "epic", "fervent", "gentle", "happy",
            "keen", "kind", "lucid", "merry", "modest", "nifty", "quick", "quiet", "sharp", "steady", "sunny", "tender",
            "upbeat", "vivid", "wise", "witty", "zealous", "zen");

    private static final List<String> SURNAMES = List.of(
            "agnesi",
            "bardeen",
            "bohr",
            "curie",
            "darwin",
            "dijkstra",
            "einstein",
            "euler",
            "faraday",
            "fermi",
            "galileo",
            "gauss",
            "goodall",
            "hamilton",
            "hopper",
            "hypatia",
            "kepler",
            "knuth",
            "lamarr",
            "lovelace",
            "meitner",
            "newton",
            "noether",
            "pasteur",
            "ritchie",
            "shannon",
            "tesla",
            "thompson",
            "turing",
            "wozniak");

    private Usernames() {}

    /** Coder's username rule: 1–32 bytes of letters and digits joined by single hyphens; not "new"/"create". */
    static boolean valid(String username) {
        return username != null && CoderUsername.Validator.matches(username);
    }

    /**
     * A valid username from any string: the string itself when valid, else its part before the last {@code @}
     * stripped of characters usernames cannot have, else a random name.
     */
    static String from(String raw, RandomGenerator random) {
        if (valid(raw)) {
            return raw;
        }
        String candidate = raw == null ? "" : raw;
        int at = candidate.lastIndexOf('@');
        if (at >= 0) {
            candidate = candidate.substring(0, at);
        }
        candidate = NOT_USERNAME_CHARACTER.matcher(candidate).replaceAll("");
        if (valid(candidate)) {
            return candidate;
        }
        return randomName(random).replace('_', '-');
    }

    /** One alternative for a taken username: the original with a random suffix, made valid. */
    static String alternative(String original, RandomGenerator random) {
        return from(original + "-" + randomName(random), random);
    }

    /** {@code adjective_surnameN}, as Docker's generator makes them when retrying. */
    static String randomName(RandomGenerator random) {
        return ADJECTIVES.get(random.nextInt(ADJECTIVES.size()))
                + "_"
                + SURNAMES.get(random.nextInt(SURNAMES.size()))
                + random.nextInt(10);
    }

    /**
     * A display name that passes the {@code user_real_name} rule: trimmed and cut to 128 bytes (never in the
     * middle of a character), so that an unusual name at the provider does not block the sign-in.
     */
    static String normalizeRealName(String name) {
        if (name == null) {
            return "";
        }
        String trimmed = name.strip();
        if (trimmed.getBytes(StandardCharsets.UTF_8).length <= MAX_NAME_BYTES) {
            return trimmed;
        }
        StringBuilder out = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < trimmed.length(); ) {
            int codePoint = trimmed.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > MAX_NAME_BYTES) {
                break;
            }
            out.appendCodePoint(codePoint);
            bytes += size;
            i += Character.charCount(codePoint);
        }
        // Cutting may leave trailing whitespace inside the name; the rule forbids that too.
        return out.toString().strip();
    }
}
