package dev.coderusers.sshkey;

import static dev.coderusers.testsupport.ApiMessages.NOT_FOUND;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.coderusers.api.CoderJson;
import dev.coderusers.testsupport.TestUsers;
import dev.coderusers.testsupport.TestUsers.TestUser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class GitSshKeyTest {

    @Inject
    TestUsers testUsers;

    TestUser target;
    Map<String, TestUser> callers;

    @BeforeEach
    void reset() {
        testUsers.deleteAll();
        target = testUsers.create("target");
        callers = testUsers.oneOfEachRole();
    }

    @Test
    void theKeyMadeWithTheUserIsShownWithoutItsPrivateHalf() {
        StoredKey stored = stored(target.id());
        String body = given().header("Coder-Session-Token", target.token())
                .get("/api/v2/users/me/gitsshkey")
                .then()
                .statusCode(200)
                .extract()
                .asString();

        JsonPath json = JsonPath.from(body);
        assertThat(json.getMap("")).containsOnlyKeys("user_id", "created_at", "updated_at", "public_key");
        assertThat(json.getString("user_id")).isEqualTo(target.id().toString());
        assertThat(json.getString("public_key")).isEqualTo(stored.publicKey()).startsWith("ssh-ed25519 ");
        assertThat(json.getString("public_key")).endsWith("\n").doesNotContain(" \n");
        assertThat(json.getString("created_at")).isEqualTo(CoderJson.format(stored.createdAt()));
        assertThat(json.getString("updated_at")).isEqualTo(CoderJson.format(stored.updatedAt()));
        assertNoPrivateKeyIn(body, stored);
    }

    @Test
    void regeneratingReplacesBothHalvesAndKeepsTheCreationTime() {
        StoredKey before = stored(target.id());

        String body = given().header("Coder-Session-Token", target.token())
                .put("/api/v2/users/me/gitsshkey")
                .then()
                .statusCode(200)
                .extract()
                .asString();

        StoredKey after = stored(target.id());
        assertThat(after.publicKey()).isNotEqualTo(before.publicKey()).startsWith("ssh-ed25519 ");
        assertThat(after.privateKey())
                .isNotEqualTo(before.privateKey())
                .startsWith("-----BEGIN OPENSSH PRIVATE KEY-----\n");
        assertThat(after.createdAt()).isEqualTo(before.createdAt());
        assertThat(after.updatedAt()).isAfter(before.updatedAt());
        assertThat(QuarkusTransaction.requiringNew().call(() -> GitSshKey.count("userId", target.id())))
                .isEqualTo(1);

        JsonPath json = JsonPath.from(body);
        assertThat(json.getMap("")).containsOnlyKeys("user_id", "created_at", "updated_at", "public_key");
        assertThat(json.getString("public_key")).isEqualTo(after.publicKey());
        assertThat(json.getString("created_at")).isEqualTo(CoderJson.format(before.createdAt()));
        assertThat(json.getString("updated_at")).isEqualTo(CoderJson.format(after.updatedAt()));
        assertNoPrivateKeyIn(body, after);

        // The new key is what GET shows from now on.
        given().header("Coder-Session-Token", target.token())
                .get("/api/v2/users/target/gitsshkey")
                .then()
                .statusCode(200)
                .body("public_key", equalTo(after.publicKey()));
    }

    @Test
    void timestampsAreWrittenAsGoWritesThem() {
        QuarkusTransaction.requiringNew().run(() -> {
            GitSshKey key = GitSshKey.findById(target.id());
            key.createdAt = Instant.parse("2024-01-02T03:04:05Z");
            key.updatedAt = Instant.parse("2024-01-02T03:04:05.120000Z");
        });

        // Go's RFC 3339 drops trailing zeros of the fraction, and the fraction itself when it is zero.
        given().header("Coder-Session-Token", target.token())
                .get("/api/v2/users/me/gitsshkey")
                .then()
                .statusCode(200)
                .body("created_at", equalTo("2024-01-02T03:04:05Z"))
                .body("updated_at", equalTo("2024-01-02T03:04:05.12Z"));
    }

    @Test
    void signedOutCallersGet401() {
        given().get("/api/v2/users/target/gitsshkey").then().statusCode(401);
        given().put("/api/v2/users/target/gitsshkey").then().statusCode(401);
    }

    @Test
    void anUnknownUserIs404() {
        given().header("Coder-Session-Token", callers.get("owner").token())
                .get("/api/v2/users/" + UUID.randomUUID() + "/gitsshkey")
                .then()
                .statusCode(404)
                .body("message", equalTo(NOT_FOUND));
        given().header("Coder-Session-Token", callers.get("owner").token())
                .put("/api/v2/users/nobody/gitsshkey")
                .then()
                .statusCode(404)
                .body("message", equalTo(NOT_FOUND));
    }

    @ParameterizedTest
    @CsvSource({"owner, 200", "user-admin, 200", "template-admin, 404", "auditor, 404", "member, 404"})
    void onlyOwnersAndUserAdminsReadAnotherUsersKey(String role, int status) {
        var response = given().header("Coder-Session-Token", callers.get(role).token())
                .get("/api/v2/users/target/gitsshkey")
                .then()
                .statusCode(status);
        if (status == 200) {
            response.body("public_key", equalTo(stored(target.id()).publicKey()));
        } else {
            response.body("message", equalTo(NOT_FOUND));
        }
    }

    @ParameterizedTest
    @CsvSource({"owner, 200", "user-admin, 200", "template-admin, 404", "auditor, 404", "member, 404"})
    void onlyOwnersAndUserAdminsRegenerateAnotherUsersKey(String role, int status) {
        StoredKey before = stored(target.id());

        given().header("Coder-Session-Token", callers.get(role).token())
                .put("/api/v2/users/target/gitsshkey")
                .then()
                .statusCode(status);

        StoredKey after = stored(target.id());
        if (status == 200) {
            assertThat(after.privateKey()).isNotEqualTo(before.privateKey());
        } else {
            assertThat(after).isEqualTo(before);
        }
    }

    private static void assertNoPrivateKeyIn(String body, StoredKey key) {
        String base64Line = key.privateKey().lines().skip(1).findFirst().orElseThrow();
        assertThat(body)
                .doesNotContain("PRIVATE KEY")
                .doesNotContain(base64Line)
                .doesNotContain("private");
    }

    record StoredKey(String publicKey, String privateKey, Instant createdAt, Instant updatedAt) {}

    private static StoredKey stored(UUID userId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            GitSshKey key = GitSshKey.findById(userId);
            return new StoredKey(key.publicKey, key.privateKey, key.createdAt, key.updatedAt);
        });
    }
}
