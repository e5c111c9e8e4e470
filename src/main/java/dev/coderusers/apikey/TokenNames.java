package dev.coderusers.apikey;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Names for tokens created without one, in the shape Coder's clients are used to:
 * {@code <adjective>_<surname><two digits>}, e.g. {@code brave_hopper42}. They only need to be readable and
 * unlikely to collide; a collision is detected and retried by the caller.
 */
final class TokenNames {

    /** Coder keeps generated names within 32 characters; the word lists here stay well within it. */
    static final int MAX_LENGTH = 32;

    private static final List<String> ADJECTIVES = List.of(
            "agile",
            "amber",
            "bold",
            "brave",
            "bright",
            "calm",
            "clever",
            "cosmic",
            "crisp",
            "curious",
            "daring",
            "eager",
            "early",
            "fancy",
            "fearless",
            "gentle",
            "golden",
            "happy",
            "humble",
            "jolly",
            "keen",
            "kind",
            "lively",
            "lucid",
            "merry",
            "mighty",
            "nimble",
            "noble",
            "patient",
            "polite",
            "quick",
            "quiet",
            "rapid",
            "serene",
            "sharp",
            "silent",
            "steady",
            "sunny",
            "swift",
            "tidy",
            "upbeat",
            "vivid",
            "warm",
            "wise",
            "witty",
            "zealous");

    private static final List<String> SURNAMES = List.of(
            "agnesi",
            "babbage",
            "banach",
            "bohr",
            "boole",
            "cantor",
            "curie",
            "darwin",
            "dijkstra",
            "euclid",
            "euler",
            "faraday",
            "fermat",
            "feynman",
            "franklin",
            "galois",
            "gauss",
            "goodall",
            "hamilton",
            "hopper",
            "hypatia",
            "johnson",
            "kepler",
            "knuth",
            "kovalevskaya",
            "lamarr",
            "lovelace",
            "maxwell",
            "meitner",
            "mirzakhani",
            "newton",
            "noether",
            "pascal",
            "ramanujan",
            "riemann",
            "ritchie",
            "shannon",
            "somerville",
            "tesla",
            "thompson",
            "turing",
            "wozniak",
            "yalow");

    private TokenNames() {}

    static String generate() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String adjective = ADJECTIVES.get(random.nextInt(ADJECTIVES.size()));
        String surname = SURNAMES.get(random.nextInt(SURNAMES.size()));
        return adjective + "_" + surname + String.format("%02d", random.nextInt(100));
    }

    /** The longest name {@link #generate()} can produce, so a test can hold it to {@link #MAX_LENGTH}. */
    static int longestPossible() {
        int adjective = ADJECTIVES.stream().mapToInt(String::length).max().orElse(0);
        int surname = SURNAMES.stream().mapToInt(String::length).max().orElse(0);
        return adjective + 1 + surname + 2;
    }
}
