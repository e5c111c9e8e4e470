package dev.coderusers.usersecret;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.logging.Logger;

/**
 * Run by the start-up once the schema is migrated: the stored secret values must be readable with the
 * configured keys, and those under a key other than the first are re-encrypted under it (key rotation: put the
 * new key first, keep the old one until a start has moved every value, then drop it).
 */
@ApplicationScoped
public class SecretKeyRotation {

    private static final Logger LOG = Logger.getLogger(SecretKeyRotation.class);

    /** Values re-encrypted per transaction; replicas starting together each take rows the others have not locked. */
    static final int BATCH = 100;

    private final SecretCipher cipher;
    private final EntityManager entityManager;

    public SecretKeyRotation(SecretCipher cipher, EntityManager entityManager) {
        this.cipher = cipher;
        this.entityManager = entityManager;
    }

    /** The keys cannot read what is stored: the service must not start, and will not by retrying. */
    public static class MissingKeyException extends Exception {
        MissingKeyException(String message) {
            super(message);
        }
    }

    /**
     * Checks the keys against the stored values, then re-encrypts those under older keys.
     *
     * @return how many values were re-encrypted
     * @throws MissingKeyException when values exist that no configured key can decrypt
     */
    public int checkAndRotate() throws MissingKeyException {
        Set<String> stored = QuarkusTransaction.requiringNew().call(this::storedKeyIds);
        if (stored.isEmpty()) {
            return 0;
        }
        if (!cipher.configured()) {
            throw new MissingKeyException("user_secrets holds values encrypted under the key(s) " + stored
                    + " but no encryption key is configured: set coder-users.secrets.encryption-keys"
                    + " (CODER_USERS_SECRETS_ENCRYPTION_KEYS) to the key(s) they were stored with");
        }
        Set<String> unknown = new TreeSet<>(stored);
        unknown.removeAll(cipher.keyIds());
        if (!unknown.isEmpty()) {
            throw new MissingKeyException("user_secrets holds values encrypted under the key(s) " + unknown
                    + ", which coder-users.secrets.encryption-keys does not contain (configured: " + cipher.keyIds()
                    + "): add the key(s) they were stored with");
        }
        String active = cipher.activeKeyId().orElseThrow();
        int rotated = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> rotateBatch(active));
            rotated += batch;
        } while (batch > 0);
        if (rotated > 0) {
            LOG.infof("Re-encrypted %d user secret value(s) under the key %s", rotated, active);
        }
        return rotated;
    }

    @SuppressWarnings("unchecked")
    private Set<String> storedKeyIds() {
        return new TreeSet<>(entityManager
                .createNativeQuery("SELECT DISTINCT value_key_id FROM user_secrets", String.class)
                .getResultList());
    }

    @SuppressWarnings("unchecked")
    private int rotateBatch(String active) {
        List<UserSecret> batch = entityManager
                .createNativeQuery(
                        "SELECT * FROM user_secrets WHERE value_key_id <> ?1 ORDER BY id LIMIT ?2 FOR UPDATE SKIP LOCKED",
                        UserSecret.class)
                .setParameter(1, active)
                .setParameter(2, BATCH)
                .getResultList();
        for (UserSecret secret : batch) {
            SecretCipher.Encrypted encrypted =
                    cipher.encrypt(secret.id, cipher.decrypt(secret.id, secret.value, secret.valueKeyId));
            secret.value = encrypted.value();
            secret.valueKeyId = encrypted.keyId();
        }
        return batch.size();
    }
}
