package dev.coderusers.sshkey;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coderusers.testsupport.TestUsers;
import dev.coderusers.testsupport.TestUsers.TestUser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The algorithm comes from configuration: with {@code ecdsa}, new and regenerated keys are P-256. */
@QuarkusTest
@TestProfile(EcdsaProfile.class)
class GitSshKeyEcdsaTest {

    @Inject
    TestUsers testUsers;

    TestUser user;

    @BeforeEach
    void reset() {
        testUsers.deleteAll();
        user = testUsers.create("ecdsa-user");
    }

    @Test
    void newAndRegeneratedKeysUseTheConfiguredAlgorithm() {
        String created = given().header("Coder-Session-Token", user.token())
                .get("/api/v2/users/me/gitsshkey")
                .then()
                .statusCode(200)
                .extract()
                .path("public_key");
        assertThat(created).startsWith("ecdsa-sha2-nistp256 ").endsWith("\n");

        String regenerated = given().header("Coder-Session-Token", user.token())
                .put("/api/v2/users/me/gitsshkey")
                .then()
                .statusCode(200)
                .extract()
                .path("public_key");

        assertThat(regenerated).startsWith("ecdsa-sha2-nistp256 ").isNotEqualTo(created);
        GitSshKey stored = QuarkusTransaction.requiringNew().call(() -> GitSshKey.findById(user.id()));
        assertThat(stored.publicKey).isEqualTo(regenerated);
        assertThat(stored.privateKey).startsWith("-----BEGIN EC PRIVATE KEY-----\n");
    }
}
