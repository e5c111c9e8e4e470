package dev.coderusers.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coderusers.testsupport.PostgresTestResource;
import dev.coderusers.testsupport.TestUsers;
import dev.coderusers.testsupport.TestUsers.TestUser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.OptionalInt;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Expired API keys are deleted once they have been expired longer than the retention (7 days by default). */
@QuarkusTest
class ExpiredApiKeyPurgeTest {

    @Inject
    TestUsers testUsers;

    @Inject
    ExpiredApiKeyPurge purge;

    @Inject
    EntityManager entityManager;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

    private String longExpired;
    private String recentlyExpired;
    private String valid;

    @BeforeEach
    void keys() {
        testUsers.deleteAll();
        TestUser user = testUsers.create("alice");
        longExpired = keyId(testUsers.newSession(user.id()));
        recentlyExpired = keyId(testUsers.newSession(user.id()));
        valid = keyId(user.token());
        expire(longExpired, now.minus(Duration.ofDays(7)).minusSeconds(60));
        expire(recentlyExpired, now.minus(Duration.ofDays(7)).plusSeconds(60));
    }

    @Test
    void keysExpiredLongerThanTheRetentionAreDeletedAndNoOthers() {
        assertThat(purge.purge(now)).isEqualTo(OptionalInt.of(1));

        assertThat(remainingKeys()).containsExactlyInAnyOrder(recentlyExpired, valid);
        assertThat(purge.purge(now)).isEqualTo(OptionalInt.of(0));
    }

    @Test
    void oneReplicaAtATime() throws Exception {
        // Another replica holds the purge lock: this one skips the round and deletes nothing.
        try (Connection replica = connection();
                Statement statement = replica.createStatement()) {
            statement.execute("SELECT pg_advisory_lock(" + 0x4f1e_7a3b_2c9d_0e17L + ")");
            assertThat(purge.purge(now)).isEmpty();
            assertThat(remainingKeys()).hasSize(3);
            // Released here rather than by closing the connection, which the server notices a moment later.
            statement.execute("SELECT pg_advisory_unlock(" + 0x4f1e_7a3b_2c9d_0e17L + ")");
        }
        assertThat(purge.purge(now)).isEqualTo(OptionalInt.of(1));
    }

    @Test
    void theExpiryIndexServesThePurge() {
        String plan = QuarkusTransaction.requiringNew().call(() -> {
            entityManager.createNativeQuery("SET LOCAL enable_seqscan = off").executeUpdate();
            @SuppressWarnings("unchecked")
            List<String> lines = entityManager
                    .createNativeQuery("EXPLAIN SELECT id FROM api_keys WHERE expires_at < now() LIMIT 10000")
                    .getResultList();
            return String.join("\n", lines);
        });
        assertThat(plan).contains("api_keys_expires_at_idx");
    }

    private static String keyId(String token) {
        return token.substring(0, token.indexOf('-'));
    }

    private void expire(String id, Instant at) {
        QuarkusTransaction.requiringNew()
                .run(() -> entityManager
                        .createNativeQuery("UPDATE api_keys SET expires_at = ?1 WHERE id = ?2")
                        .setParameter(1, at)
                        .setParameter(2, id)
                        .executeUpdate());
    }

    @SuppressWarnings("unchecked")
    private List<String> remainingKeys() {
        return QuarkusTransaction.requiringNew()
                .call(() -> entityManager
                        .createNativeQuery("SELECT id FROM api_keys")
                        .getResultList());
    }

    private static Connection connection() throws Exception {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(
                System.getProperty(PostgresTestResource.URL_IN_USE),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class)
                        .orElse(""));
    }
}
