package dev.coderusers.apikey;

import static dev.coderusers.testsupport.ApiMessages.NOT_FOUND;
import static dev.coderusers.testsupport.ApiMessages.SIGNED_OUT;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import dev.coderusers.api.CoderJson;
import dev.coderusers.testsupport.TestUsers;
import dev.coderusers.testsupport.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code GET /api/v2/users/{user}/keys/tokens/{keyname}} and {@code GET}, {@code DELETE},
 * {@code PUT …/expire} on {@code /api/v2/users/{user}/keys/{keyid}}.
 */
@QuarkusTest
class ApiKeyByIdTest {

    @Inject
    TestUsers testUsers;

    TestUser owner;
    TestUser member;
    String memberToken;
    String memberKeyId;

    @BeforeEach
    void reset() {
        testUsers.deleteAll();
        owner = testUsers.create("owner", "owner");
        member = testUsers.create("member");
        memberToken = Keys.createToken(member.token(), "me", "{\"token_name\":\"ci\",\"scopes\":[\"workspace:read\"]}");
        memberKeyId = Keys.idOf(memberToken);
    }

    @Test
    void aKeyIsShownByIdWithoutOwnerOrSecret() {
        ApiKey key = Keys.load(memberKeyId);
        given().header("Coder-Session-Token", member.token())
                .get("/api/v2/users/me/keys/" + memberKeyId)
                .then()
                .statusCode(200)
                .body("id", equalTo(memberKeyId))
                .body("user_id", equalTo(member.id().toString()))
                .body("login_type", equalTo("token"))
                .body("token_name", equalTo("ci"))
                .body("scope", equalTo(""))
                .body("scopes", equalTo(java.util.List.of("workspace:read")))
                .body("allow_list", equalTo(java.util.List.of("*:*")))
                .body("lifetime_seconds", equalTo(604_800))
                .body("last_used", equalTo("1970-01-01T00:00:00Z"))
                .body("updated_at", equalTo(CoderJson.format(key.updatedAt)))
                .body("$", not(hasKey("username")))
                .body("$", not(hasKey("hashed_secret")));
    }

    @Test
    void theUserInThePathIsOnlyValidated() {
        // The owner names itself in the path but reads the member's key: Coder looks keys up by id alone.
        given().header("Coder-Session-Token", owner.token())
                .get("/api/v2/users/me/keys/" + memberKeyId)
                .then()
                .statusCode(200)
                .body("user_id", equalTo(member.id().toString()));
        given().header("Coder-Session-Token", owner.token())
                .get("/api/v2/users/nobody/keys/" + memberKeyId)
                .then()
                .statusCode(404);
    }

    @Test
    void unknownIdsAndWholeTokensAreNotFound() {
        given().header("Coder-Session-Token", member.token())
                .get("/api/v2/users/me/keys/zzzzzzzzzz")
                .then()
                .statusCode(404)
                .body("message", equalTo(NOT_FOUND));
        given().header("Coder-Session-Token", member.token())
                .get("/api/v2/users/me/keys/" + memberToken)
                .then()
                .statusCode(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"user-admin", "template-admin", "auditor", "member"})
    void othersCannotReadExpireOrDeleteSomeoneElsesKey(String role) {
        TestUser caller = role.equals("member") ? testUsers.create("caller") : testUsers.create("caller", role);
        Instant expiresAt = Keys.load(memberKeyId).expiresAt;
        given().header("Coder-Session-Token", caller.token())
                .get("/api/v2/users/me/keys/" + memberKeyId)
                .then()
                .statusCode(404)
                .body("message", equalTo(NOT_FOUND));
        given().header("Coder-Session-Token", caller.token())
                .put("/api/v2/users/me/keys/" + memberKeyId + "/expire")
                .then()
                .statusCode(404);
        given().header("Coder-Session-Token", caller.token())
                .delete("/api/v2/users/me/keys/" + memberKeyId)
                .then()
                .statusCode(404);
        given().header("Coder-Session-Token", caller.token())
                .get("/api/v2/users/member/keys/tokens/ci")
                .then()
                .statusCode(404);
        assertThat(Keys.load(memberKeyId).expiresAt).isEqualTo(expiresAt);
    }

    @Test
    void withoutASessionEveryKeyEndpointAnswers401() {
        given().get("/api/v2/users/me/keys/" + memberKeyId).then().statusCode(401);
        given().delete("/api/v2/users/me/keys/" + memberKeyId).then().statusCode(401);
        given().put("/api/v2/users/me/keys/" + memberKeyId + "/expire").then().statusCode(401);
        given().get("/api/v2/users/me/keys/tokens/ci").then().statusCode(401);
        assertThat(Keys.exists(memberKeyId)).isTrue();
    }

    @Test
    void aKeyIsFoundByTokenNameForItsUser() {
        given().header("Coder-Session-Token", member.token())
                .get("/api/v2/users/me/keys/tokens/ci")
                .then()
                .statusCode(200)
                .body("id", equalTo(memberKeyId))
                .body("$", not(hasKey("username")));
        given().header("Coder-Session-Token", owner.token())
                .get("/api/v2/users/member/keys/tokens/ci")
                .then()
                .statusCode(200)
                .body("id", equalTo(memberKeyId));
        // The name belongs to the member, not to the owner named in the path.
        given().header("Coder-Session-Token", owner.token())
                .get("/api/v2/users/me/keys/tokens/ci")
                .then()
                .statusCode(404);
        given().header("Coder-Session-Token", member.token())
                .get("/api/v2/users/me/keys/tokens/nothing-by-that-name")
                .then()
                .statusCode(404)
                .body("message", equalTo(NOT_FOUND));
    }

    @Test
    void anExpiredKeyStopsAuthenticatingAndExpiringAgainChangesNothing() {
        given().header("Coder-Session-Token", member.token())
                .put("/api/v2/users/me/keys/" + memberKeyId + "/expire")
                .then()
                .statusCode(204);
        Instant expiredAt = Keys.load(memberKeyId).expiresAt;
        assertThat(expiredAt).isBeforeOrEqualTo(CoderJson.now());

        given().header("Coder-Session-Token", memberToken)
                .get("/api/v2/users/me")
                .then()
                .statusCode(401)
                .body("message", equalTo(SIGNED_OUT))
                .body("detail", equalTo("API key expired at \"" + CoderJson.goString(expiredAt) + "\"."));

        given().header("Coder-Session-Token", member.token())
                .put("/api/v2/users/me/keys/" + memberKeyId + "/expire")
                .then()
                .statusCode(204);
        assertThat(Keys.load(memberKeyId).expiresAt).isEqualTo(expiredAt);
    }

    @Test
    void anOwnerExpiresAnotherUsersKey() {
        given().header("Coder-Session-Token", owner.token())
                .put("/api/v2/users/member/keys/" + memberKeyId + "/expire")
                .then()
                .statusCode(204);
        given().header("Coder-Session-Token", memberToken)
                .get("/api/v2/users/me")
                .then()
                .statusCode(401)
                .body("detail", startsWith("API key expired at"));
    }

    @Test
    void aDeletedKeyIsGoneAndNoLongerAuthenticates() {
        given().header("Coder-Session-Token", member.token())
                .delete("/api/v2/users/me/keys/" + memberKeyId)
                .then()
                .statusCode(204)
                .body(equalTo(""));
        assertThat(Keys.exists(memberKeyId)).isFalse();
        given().header("Coder-Session-Token", memberToken)
                .get("/api/v2/users/me")
                .then()
                .statusCode(401)
                .body("detail", equalTo("API key is invalid."));
        given().header("Coder-Session-Token", member.token())
                .delete("/api/v2/users/me/keys/" + memberKeyId)
                .then()
                .statusCode(404);
    }

    @Test
    void anExpiredKeyCanBeDeleted() {
        Keys.update(memberKeyId, key -> key.expiresAt = CoderJson.now().minus(Duration.ofDays(1)));
        given().header("Coder-Session-Token", member.token())
                .delete("/api/v2/users/me/keys/" + memberKeyId)
                .then()
                .statusCode(204);
        assertThat(Keys.exists(memberKeyId)).isFalse();
    }

    @Test
    void anOwnerDeletesAnotherUsersKey() {
        given().header("Coder-Session-Token", owner.token())
                .delete("/api/v2/users/member/keys/" + memberKeyId)
                .then()
                .statusCode(204);
        assertThat(Keys.exists(memberKeyId)).isFalse();
    }
}
