package dev.coderusers.apikey;

import static dev.coderusers.testsupport.ApiMessages.NOT_FOUND;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.coderusers.security.SessionTokens;
import dev.coderusers.testsupport.TestUsers;
import dev.coderusers.testsupport.TestUsers.TestUser;
import dev.coderusers.user.LoginType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code POST /api/v2/users/{user}/keys}. */
@QuarkusTest
class CreateSessionKeyTest {

    @Inject
    TestUsers testUsers;

    TestUser owner;
    TestUser member;

    @BeforeEach
    void reset() {
        testUsers.deleteAll();
        owner = testUsers.create("owner", "owner");
        member = testUsers.create("member");
    }

    @Test
    void aUserCreatesAWeekLongPasswordKeyOfWhichOnlyTheHashIsStored() {
        String token = given().header("Coder-Session-Token", member.token())
                .post("/api/v2/users/me/keys")
                .then()
                .statusCode(201)
                .header("Set-Cookie", nullValue())
                .extract()
                .path("key");
        assertThat(token).matches("[0-9a-zA-Z]{10}-[0-9a-zA-Z]{22}");

        ApiKey key = Keys.load(Keys.idOf(token));
        assertThat(key.userId).isEqualTo(member.id());
        assertThat(key.loginType).isEqualTo(LoginType.PASSWORD);
        assertThat(key.tokenName).isEmpty();
        assertThat(key.lifetimeSeconds).isEqualTo(604_800);
        assertThat(Duration.between(key.createdAt, key.expiresAt)).isEqualTo(Duration.ofDays(7));
        assertThat(key.hashedSecret).isEqualTo(SessionTokens.hash(Keys.secretOf(token)));
        assertThat(key.scopes).containsExactly("coder:all");
        assertThat(key.allowList).containsExactly("*:*");

        given().header("Coder-Session-Token", token)
                .get("/api/v2/users/me")
                .then()
                .statusCode(200)
                .body("username", equalTo("member"));
    }

    @Test
    void anOwnerCreatesAKeyForAnotherUser() {
        String token = given().header("Coder-Session-Token", owner.token())
                .post("/api/v2/users/member/keys")
                .then()
                .statusCode(201)
                .extract()
                .path("key");
        assertThat(Keys.load(Keys.idOf(token)).userId).isEqualTo(member.id());
    }

    @ParameterizedTest
    @ValueSource(strings = {"user-admin", "template-admin", "auditor"})
    void rolesThatSeeTheUserButMayNotHoldItsKeysAreForbidden(String role) {
        TestUser caller = testUsers.create("caller", role);
        given().header("Coder-Session-Token", caller.token())
                .post("/api/v2/users/member/keys")
                .then()
                .statusCode(403)
                .body("message", equalTo("Forbidden."));
        assertThat(keyCount(member)).isEqualTo(1);
    }

    @Test
    void aMemberCannotSeeAnotherUser() {
        given().header("Coder-Session-Token", member.token())
                .post("/api/v2/users/owner/keys")
                .then()
                .statusCode(404)
                .body("message", equalTo(NOT_FOUND));
    }

    @Test
    void withoutASessionTheAnswerIs401() {
        given().post("/api/v2/users/me/keys").then().statusCode(401);
    }

    @Test
    void noKeyIsIssuedForASystemUser() {
        given().header("Coder-Session-Token", owner.token())
                .post("/api/v2/users/prebuilds/keys")
                .then()
                .statusCode(403)
                .body("message", equalTo("Forbidden."));
    }

    @Test
    void aDeletedUserGetsNoKeyByNameOrById() {
        given().header("Coder-Session-Token", owner.token())
                .delete("/api/v2/users/member")
                .then()
                .statusCode(200);
        given().header("Coder-Session-Token", owner.token())
                .post("/api/v2/users/member/keys")
                .then()
                .statusCode(404);
        // By id Coder still resolves a deleted user, then its insert trigger fails (500): here, 404.
        given().header("Coder-Session-Token", owner.token())
                .post("/api/v2/users/" + member.id() + "/keys")
                .then()
                .statusCode(404)
                .body("message", equalTo(NOT_FOUND));
        assertThat(keyCount(member)).isZero();
    }

    private static long keyCount(TestUser user) {
        return QuarkusTransaction.requiringNew().call(() -> ApiKey.count("userId", user.id()));
    }
}
