package dev.coderusers.usersecret;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coderusers.api.ApiException;
import dev.coderusers.config.UserSecretsConfig;
import dev.coderusers.testsupport.TestUsers;
import dev.coderusers.testsupport.TestUsers.TestUser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Secret values at rest: what the table holds is AES-256-GCM output under the configured key, never the value;
 * keys rotate; values no configured key can read stop the start-up.
 */
@QuarkusTest
class SecretEncryptionTest {

    static final String VALUE = "ghp_theValueThatMustNeverBeStoredInClear";

    @Inject
    TestUsers testUsers;

    @Inject
    EntityManager entityManager;

    @Inject
    SecretCipher cipher;

    TestUser alice;

    @BeforeEach
    void reset() {
        testUsers.deleteAll();
        alice = testUsers.create("alice");
    }

    /** The key of the test configuration (every test profile has it, so every start can read what is left). */
    static String testKey() {
        return ConfigProvider.getConfig().getValue("coder-users.secrets.encryption-keys", String.class);
    }

    static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    static SecretCipher cipherWith(String... keys) {
        UserSecretsConfig config = () -> Optional.of(List.of(keys));
        return new SecretCipher(config);
    }

    /** What the table holds for the secret: value bytes and key id, read with plain SQL. */
    record Row(UUID id, byte[] value, String keyId) {}

    Row stored(String name) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object[] row = (Object[]) entityManager
                    .createNativeQuery(
                            "SELECT id, value, value_key_id FROM user_secrets WHERE user_id = ?1 AND name = ?2")
                    .setParameter(1, alice.id())
                    .setParameter(2, name)
                    .getSingleResult();
            return new Row((UUID) row[0], (byte[]) row[1], (String) row[2]);
        });
    }

    void create(String name, String value) {
        given().header("Coder-Session-Token", alice.token())
                .contentType(ContentType.JSON)
                .body(Map.of("name", name, "value", value))
                .post("/api/v2/users/me/secrets")
                .then()
                .statusCode(201);
    }

    @Test
    void theTableHoldsCiphertextUnderTheConfiguredKeyNeverTheValue() {
        create("token", VALUE);
        create("token-2", VALUE);

        Row row = stored("token");
        byte[] plain = VALUE.getBytes(StandardCharsets.UTF_8);
        // Nonce, ciphertext of the same length as the value, tag; the value appears nowhere in it.
        assertThat(row.value()).hasSize(12 + plain.length + 16);
        assertThat(new String(row.value(), StandardCharsets.ISO_8859_1))
                .doesNotContain(VALUE)
                .doesNotContain("ghp_");
        assertThat(row.keyId())
                .isEqualTo(SecretCipher.keyId(Base64.getDecoder().decode(testKey())))
                .matches("[0-9a-f]{16}");
        // The same value twice gives different bytes (fresh nonce).
        assertThat(stored("token-2").value()).isNotEqualTo(row.value());
        // Only the key decrypts it, and only on its own row.
        assertThat(cipher.decrypt(row.id(), row.value(), row.keyId())).isEqualTo(VALUE);
        assertThatThrownBy(() -> cipher.decrypt(stored("token-2").id(), row.value(), row.keyId()))
                .isInstanceOf(IllegalStateException.class);
        byte[] tampered = row.value().clone();
        tampered[20] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt(row.id(), tampered, row.keyId()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anUpdatedValueIsEncryptedAfresh() {
        create("token", VALUE);
        Row before = stored("token");
        given().header("Coder-Session-Token", alice.token())
                .contentType(ContentType.JSON)
                .body(Map.of("value", "new-value"))
                .patch("/api/v2/users/me/secrets/token")
                .then()
                .statusCode(200);
        Row after = stored("token");

        assertThat(after.value()).isNotEqualTo(before.value());
        assertThat(cipher.decrypt(after.id(), after.value(), after.keyId())).isEqualTo("new-value");
    }

    @Test
    void rotationReencryptsValuesUnderOlderKeysWithTheFirstKey() throws Exception {
        String oldKey = newKey();
        SecretCipher old = cipherWith(oldKey);
        create("token", VALUE);
        Row row = stored("token");
        // As if the value had been stored while the old key was the first.
        SecretCipher.Encrypted underOld = old.encrypt(row.id(), VALUE);
        QuarkusTransaction.requiringNew()
                .run(() -> entityManager
                        .createNativeQuery("UPDATE user_secrets SET value = ?1, value_key_id = ?2 WHERE id = ?3")
                        .setParameter(1, underOld.value())
                        .setParameter(2, underOld.keyId())
                        .setParameter(3, row.id())
                        .executeUpdate());

        SecretCipher rotated = cipherWith(testKey(), oldKey);
        int moved = new SecretKeyRotation(rotated, entityManager).checkAndRotate();

        assertThat(moved).isEqualTo(1);
        Row after = stored("token");
        assertThat(after.keyId()).isEqualTo(rotated.activeKeyId().orElseThrow()).isNotEqualTo(underOld.keyId());
        assertThat(cipher.decrypt(after.id(), after.value(), after.keyId())).isEqualTo(VALUE);
        assertThat(new SecretKeyRotation(rotated, entityManager).checkAndRotate())
                .isZero();
    }

    @Test
    void storedValuesWithoutTheirKeyStopTheStart() throws Exception {
        create("token", VALUE);

        assertThatThrownBy(() -> new SecretKeyRotation(cipherWith(), entityManager).checkAndRotate())
                .isInstanceOf(SecretKeyRotation.MissingKeyException.class)
                .hasMessageContaining("no encryption key is configured")
                .hasMessageContaining("coder-users.secrets.encryption-keys");
        assertThatThrownBy(() -> new SecretKeyRotation(cipherWith(newKey()), entityManager).checkAndRotate())
                .isInstanceOf(SecretKeyRotation.MissingKeyException.class)
                .hasMessageContaining(stored("token").keyId())
                .hasMessageContaining("does not contain");
        // Nothing stored, nothing to read: a deployment without a key starts.
        testUsers.deleteAll();
        assertThat(new SecretKeyRotation(cipherWith(), entityManager).checkAndRotate())
                .isZero();
    }

    @Test
    void withoutAKeySecretsCannotBeStored() {
        assertThatThrownBy(() -> cipherWith().encrypt(UUID.randomUUID(), VALUE))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.status()).isEqualTo(503));
    }

    @Test
    void keysMustBeBase64Of32Bytes() {
        assertThatThrownBy(() -> cipherWith("not base64!"))
                .hasMessage("coder-users.secrets.encryption-keys: key 1 is not base64");
        assertThatThrownBy(() -> cipherWith(newKey(), Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageStartingWith("coder-users.secrets.encryption-keys: key 2 is 16 bytes long");
        String key = newKey();
        assertThatThrownBy(() -> cipherWith(key, key))
                .hasMessage("coder-users.secrets.encryption-keys: key 2 is given twice");
        assertThat(Arrays.asList(cipherWith(key).keyIds().toArray())).hasSize(1);
    }
}
