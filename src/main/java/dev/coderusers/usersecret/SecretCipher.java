package dev.coderusers.usersecret;

import dev.coderusers.api.ApiError;
import dev.coderusers.api.ApiException;
import dev.coderusers.config.UserSecretsConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for secret values, under the keys of {@code coder-users.secrets.encryption-keys}: the first key
 * encrypts, every configured key decrypts. A stored value is {@code nonce (12 bytes) || ciphertext || tag (16
 * bytes)}, with a fresh random nonce each time; the key id stored beside it is the first 16 hex digits of the
 * key's SHA-256, so a value names its key without revealing it. The secret's id is the associated data: a value
 * copied onto another row does not decrypt there.
 *
 * <p>Keys are checked at start: a key that is not base64 of exactly 32 bytes stops the service with a message.
 */
@Startup
@ApplicationScoped
public class SecretCipher {

    static final String TRANSFORMATION = "AES/GCM/NoPadding";
    static final int NONCE_BYTES = 12;
    static final int TAG_BITS = 128;
    static final int KEY_BYTES = 32;

    private final SecureRandom random = new SecureRandom();
    /** By key id, the encrypting key first. */
    private final Map<String, SecretKey> keys = new LinkedHashMap<>();

    public SecretCipher(UserSecretsConfig config) {
        List<String> configured = config.encryptionKeys().orElse(List.of()).stream()
                .map(String::strip)
                .filter(k -> !k.isEmpty())
                .toList();
        for (int i = 0; i < configured.size(); i++) {
            byte[] key;
            try {
                key = java.util.Base64.getDecoder().decode(configured.get(i));
            } catch (IllegalArgumentException e) {
                throw invalid(i, "is not base64");
            }
            if (key.length != KEY_BYTES) {
                throw invalid(i, "is " + key.length + " bytes long; AES-256 needs 32 (e.g. openssl rand -base64 32)");
            }
            String id = keyId(key);
            if (keys.putIfAbsent(id, new SecretKeySpec(key, "AES")) != null) {
                throw invalid(i, "is given twice");
            }
        }
    }

    private static IllegalStateException invalid(int index, String problem) {
        return new IllegalStateException("coder-users.secrets.encryption-keys: key " + (index + 1) + " " + problem);
    }

    /** The first 16 hex digits of the key's SHA-256. */
    static String keyId(byte[] key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key), 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Whether any key is configured; without one, values can be neither stored nor read. */
    public boolean configured() {
        return !keys.isEmpty();
    }

    /** The id of the key new values are encrypted with. */
    public Optional<String> activeKeyId() {
        return keys.keySet().stream().findFirst();
    }

    public Set<String> keyIds() {
        return keys.keySet();
    }

    /** A value as stored: the bytes, and the id of the key they were encrypted with. */
    public record Encrypted(byte[] value, String keyId) {}

    /**
     * Encrypts a secret's value under the active key. Without a key this deployment cannot store secrets: 503,
     * since the fault is the deployment's, not the request's.
     */
    public Encrypted encrypt(UUID secretId, String plaintext) {
        String keyId = activeKeyId()
                .orElseThrow(() -> new ApiException(
                        503,
                        ApiError.of(
                                "User secrets cannot be stored: this deployment has no encryption key.",
                                "Set coder-users.secrets.encryption-keys (CODER_USERS_SECRETS_ENCRYPTION_KEYS).")));
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(keyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(secretId));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return new Encrypted(
                    ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                            .put(nonce)
                            .put(sealed)
                            .array(),
                    keyId);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** The value in clear; fails if its key is not configured or the bytes were altered. */
    public String decrypt(UUID secretId, byte[] stored, String keyId) {
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("no configured encryption key has the id " + keyId);
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(
                    Cipher.DECRYPT_MODE,
                    key,
                    new GCMParameterSpec(TAG_BITS, Arrays.copyOfRange(stored, 0, NONCE_BYTES)));
            cipher.updateAAD(associatedData(secretId));
            return new String(cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the value of user secret " + secretId + " does not decrypt", e);
        }
    }

    private static byte[] associatedData(UUID secretId) {
        return ("user_secrets:" + secretId).getBytes(StandardCharsets.UTF_8);
    }
}
