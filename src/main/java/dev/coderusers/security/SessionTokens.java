package dev.coderusers.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * Coder's API key format: {@code <id>-<secret>}, a 10-character id and a 22-character secret drawn from
 * {@code [0-9a-zA-Z]}. The id is the primary key; only SHA-256(secret) is stored.
 */
public final class SessionTokens {

    public static final int ID_LENGTH = 10;
    public static final int SECRET_LENGTH = 22;

    private static final String ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /** Created per use rather than held in a static field, so a native image never bakes in a seed. */
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(SecureRandom::new);

    private SessionTokens() {}

    /** A new token; {@link NewToken#token()} is shown to the client once and never stored. */
    public static NewToken generate() {
        String id = randomString(ID_LENGTH);
        String secret = randomString(SECRET_LENGTH);
        return new NewToken(id, id + "-" + secret, hash(secret));
    }

    /** Random characters from {@code [0-9a-zA-Z]}, without modulo bias. */
    public static String randomString(int length) {
        SecureRandom random = RANDOM.get();
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }

    public static byte[] hash(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    /**
     * Splits a presented token, answering Coder's exact 401 details for malformed ones.
     *
     * @throws UnauthenticatedException when the token does not have the format
     */
    public static ParsedToken parse(String token) {
        String[] parts = token.split("-", -1);
        if (parts.length != 2) {
            throw UnauthenticatedException.signedOut(
                    "Invalid API key format: incorrect amount of API key parts, expected 2 got " + parts.length);
        }
        if (parts[0].length() != ID_LENGTH) {
            throw UnauthenticatedException.signedOut(
                    "invalid API key ID length, expected " + ID_LENGTH + " got " + parts[0].length());
        }
        if (parts[1].length() != SECRET_LENGTH) {
            throw UnauthenticatedException.signedOut(
                    "invalid API key secret length, expected " + SECRET_LENGTH + " got " + parts[1].length());
        }
        // An id with a NUL names no key (PostgreSQL text cannot even hold it): the answer for an unknown id.
        if (parts[0].indexOf('\u0000') >= 0) {
            throw UnauthenticatedException.signedOut("API key is invalid.");
        }
        return new ParsedToken(parts[0], parts[1]);
    }

    /** A freshly generated token and what is stored of it. */
    public record NewToken(String id, String token, byte[] hashedSecret) {}

    /** The two halves of a presented token. */
    public record ParsedToken(String id, String secret) {}
}
