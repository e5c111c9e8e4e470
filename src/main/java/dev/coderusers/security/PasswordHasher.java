package dev.coderusers.security;

import dev.coderusers.api.GoText;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashes in Coder's own format ({@code coderd/userpassword}), so that a {@code users} table
 * can move between Coder and this service in either direction and every password keeps working:
 * {@code $pbkdf2-sha256$<iterations>$<salt>$<key>}, PBKDF2-HMAC-SHA256, 65535 iterations, a 16-byte
 * random salt, a 64-byte key, both in standard Base64 without padding.
 *
 * <p>Verification follows Coder's {@code Compare}: the hash is recomputed with the stored salt and
 * iteration count and the whole string is compared in constant time. Any positive iteration count
 * is accepted, so hashes written by a later Coder with more iterations still verify. A malformed or
 * foreign hash is a non-match, never an exception.
 *
 * <p>Passwords are hashed as Go would hold them: UTF-8, with an unpaired surrogate (which Go's JSON
 * decoder turns into U+FFFD) as U+FFFD rather than the JDK's {@code '?'}.
 */
@ApplicationScoped
public class PasswordHasher {

    static final String SCHEME = "pbkdf2-sha256";
    static final int ITERATIONS = 65535;
    static final int SALT_BYTES = 16;
    static final int KEY_BYTES = 64;

    /** Coder rejects any stored hash shorter than this before parsing it. */
    static final int MIN_HASH_LENGTH = 64;

    /**
     * A hash of {@code hunter2}, the password Coder compares against when the stored hash is empty
     * (users without a password, and unknown users). Coder computes its own at start-up with a random
     * salt; a fixed one costs the same work and saves a hash at every start.
     */
    static final String NO_PASSWORD_HASH = "$pbkdf2-sha256$65535$ETi/bxHnxUEujQALBzncxQ$"
            + "5oY/fyFgjPbmp4vYyOh4k/1uv2UpYjqKNgbpaV0hBAcOG1CAfsB0h+xdzc9IwHbjTLwwY59lAlTax/Os8ydNNA";

    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    private final SecureRandom random = new SecureRandom();

    /** A new hash of {@code password} with a fresh random salt, as Coder's {@code Hash} writes it. */
    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return format(password, salt, ITERATIONS);
    }

    /**
     * Whether {@code password} matches the Coder-format {@code hashed}. Strictly the hash: an empty
     * {@code hashed} (a user without a password) is a non-match here; see {@link #verifyForUser}.
     */
    public boolean verify(String password, String hashed) {
        if (hashed == null || hashed.length() < MIN_HASH_LENGTH) {
            return false;
        }
        // Coder splits into at most 5 parts; a '$' inside the last part stays in it.
        String[] parts = hashed.split("\\$", 5);
        if (parts.length != 5 || !parts[0].isEmpty() || !SCHEME.equals(parts[1])) {
            return false;
        }
        int iterations;
        byte[] salt;
        try {
            iterations = Integer.parseInt(parts[2]);
            salt = DECODER.decode(parts[3]);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
        // Coder never writes an empty salt, and the JDK cannot derive a key from one.
        if (iterations <= 0 || salt.length == 0) {
            return false;
        }
        // The recomputed string is compared whole, as Coder does: a non-canonical encoding of the same
        // salt or iteration count is a non-match on both sides.
        byte[] expected = format(password, salt, iterations).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, hashed.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Coder's {@code Compare} for a stored user, quirk included: users without a password (login type
     * none, GitHub or OIDC) store an empty hash, which Coder replaces by a hash of {@code hunter2}. So
     * {@code hunter2} matches such a user, and the login must go on to reject the login type (403), as
     * Coder does, rather than answer 401. Every other password is a non-match, after the same work as
     * a real check.
     *
     * @param storedHash the user's {@code hashed_password}, empty or {@code null} for none
     */
    public boolean verifyForUser(String password, String storedHash) {
        return verify(password, storedHash == null || storedHash.isEmpty() ? NO_PASSWORD_HASH : storedHash);
    }

    /**
     * The work of one verification, for an email that matches no user, so that the answer takes as long
     * as for a known user and timing does not tell which emails exist. Always {@code false}.
     *
     * <p>A deliberate difference: Coder compares unknown users against its {@code hunter2} hash too, so
     * an unknown email with {@code hunter2} reaches its login-type check (403, login type {@code ""});
     * here an unknown user never matches and gets the usual 401.
     */
    public boolean verifyAgainstDummy(String password) {
        verify(password, NO_PASSWORD_HASH);
        return false;
    }

    private static String format(String password, byte[] salt, int iterations) {
        return "$" + SCHEME + "$" + iterations + "$" + ENCODER.encodeToString(salt) + "$"
                + ENCODER.encodeToString(derive(password, salt, iterations));
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        String goPassword = GoText.wellFormed(password == null ? "" : password);
        PBEKeySpec spec = new PBEKeySpec(goPassword.toCharArray(), salt, iterations, KEY_BYTES * 8);
        try {
            // The JDK's PBKDF2 encodes the password as UTF-8, the bytes Go hashes.
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available in this JVM", e);
        } finally {
            spec.clearPassword();
        }
    }
}
