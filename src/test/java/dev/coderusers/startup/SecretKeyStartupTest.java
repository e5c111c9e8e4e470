package dev.coderusers.startup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coderusers.config.BootstrapConfig;
import dev.coderusers.config.PriceBookConfig;
import dev.coderusers.config.UserSecretsConfig;
import dev.coderusers.database.DatabaseReady;
import dev.coderusers.modelprice.PriceBookApplied;
import dev.coderusers.modelprice.PriceSeeder;
import dev.coderusers.testsupport.TestUsers;
import dev.coderusers.testsupport.TestUsers.TestUser;
import dev.coderusers.usersecret.SecretCipher;
import dev.coderusers.usersecret.SecretKeyRotation;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The start-up refuses to become ready when user secrets are stored and no configured key can read them: run
 * here on a second {@link DatabaseStartup} whose key configuration is empty, against the suite's database.
 */
@QuarkusTest
class SecretKeyStartupTest {

    @Inject
    Flyway flyway;

    @Inject
    PriceSeeder seeder;

    @Inject
    PriceBookConfig priceBook;

    @Inject
    BootstrapConfig bootstrap;

    @Inject
    EntityManager entityManager;

    @Inject
    Event<PriceBookApplied> priceBookApplied;

    @Inject
    TestUsers testUsers;

    @Test
    void storedSecretsWithoutAKeyLeaveTheStartFailedWithTheReason() {
        testUsers.deleteAll();
        TestUser alice = testUsers.create("alice");
        given().header("Coder-Session-Token", alice.token())
                .contentType("application/json")
                .body("{\"name\":\"token\",\"value\":\"v\"}")
                .post("/api/v2/users/me/secrets")
                .then()
                .statusCode(201);
        UserSecretsConfig noKeys = () -> Optional.of(List.of());
        DatabaseStartup withoutKeys = new DatabaseStartup(
                flyway,
                seeder,
                priceBook,
                bootstrap,
                new SecretKeyRotation(new SecretCipher(noKeys), entityManager),
                priceBookApplied,
                new DatabaseReady(),
                Clock.systemUTC());

        withoutKeys.start();

        assertThat(withoutKeys.status().phase()).isEqualTo(StartupStatus.Phase.FAILED);
        assertThat(withoutKeys.status().detail())
                .contains("user_secrets holds values")
                .contains("no encryption key is configured");
        assertThat(withoutKeys.isReady()).isFalse();
        testUsers.deleteAll();
    }
}
