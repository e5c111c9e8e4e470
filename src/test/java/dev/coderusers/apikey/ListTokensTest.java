package dev.coderusers.apikey;

import static dev.coderusers.testsupport.ApiMessages.NOT_FOUND;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import dev.coderusers.api.CoderJson;
import dev.coderusers.testsupport.TestUsers;
import dev.coderusers.testsupport.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code GET /api/v2/users/{user}/keys/tokens}. */
@QuarkusTest
class ListTokensTest {

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

    private ValidatableResponse list(TestUser caller, String user, String query) {
        return given().header("Coder-Session-Token", caller.token())
                .get("/api/v2/users/" + user + "/keys/tokens" + query)
                .then();
    }

    @Test
    void noTokensIsNullNotAnEmptyArray() {
        // The member has a session key (login type password), which is not a token.
        String body = list(member, "me", "").statusCode(200).extract().asString();
        assertThat(body).isEqualTo("null");
    }

    @Test
    void tokensAreListedWithTheirOwnersNameAndNoSecret() {
        String token = Keys.createToken(member.token(), "me", "{\"token_name\":\"ci\"}");
        ApiKey key = Keys.load(Keys.idOf(token));
        list(member, "me", "")
                .statusCode(200)
                .body("", hasSize(1))
                .body("[0].id", equalTo(key.id))
                .body("[0].user_id", equalTo(member.id().toString()))
                .body("[0].username", equalTo("member"))
                .body("[0].token_name", equalTo("ci"))
                .body("[0].login_type", equalTo("token"))
                .body("[0].scope", equalTo("all"))
                .body("[0].scopes", equalTo(java.util.List.of("coder:all")))
                .body("[0].allow_list", equalTo(java.util.List.of("*:*")))
                .body("[0].lifetime_seconds", equalTo(604_800))
                .body("[0].last_used", equalTo("1970-01-01T00:00:00Z"))
                .body("[0].expires_at", equalTo(CoderJson.format(key.expiresAt)))
                .body("[0].created_at", equalTo(CoderJson.format(key.createdAt)))
                .body("[0]", not(hasKey("hashed_secret")))
                .body("[0]", not(hasKey("key")));
    }

    @Test
    void expiredTokensAreListedOnlyOnRequest() {
        Keys.createToken(member.token(), "me", "{\"token_name\":\"live\"}");
        String old = Keys.createToken(member.token(), "me", "{\"token_name\":\"old\"}");
        Keys.update(Keys.idOf(old), key -> key.expiresAt = CoderJson.now().minus(Duration.ofMinutes(1)));

        list(member, "me", "").statusCode(200).body("token_name", containsInAnyOrder("live"));
        list(member, "me", "?include_expired=true")
                .statusCode(200)
                .body("token_name", containsInAnyOrder("live", "old"));
        // Go's ParseBool: "1" is true, anything unparsable is false.
        list(member, "me", "?include_expired=1").statusCode(200).body("", hasSize(2));
        list(member, "me", "?include_expired=yes").statusCode(200).body("", hasSize(1));
    }

    @Test
    void includeAllShowsEveryTokenTheCallerMayRead() {
        Keys.createToken(member.token(), "me", "{\"token_name\":\"member-token\"}");
        Keys.createToken(owner.token(), "me", "{\"token_name\":\"owner-token\"}");

        list(owner, "me", "?include_all=true")
                .statusCode(200)
                .body("token_name", containsInAnyOrder("member-token", "owner-token"))
                .body("username", containsInAnyOrder("member", "owner"));
        list(owner, "me", "").statusCode(200).body("token_name", containsInAnyOrder("owner-token"));
        list(member, "me", "?include_all=true").statusCode(200).body("token_name", containsInAnyOrder("member-token"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"user-admin", "template-admin", "auditor"})
    void rolesThatSeeTheUserButNotItsKeysGetNothing(String role) {
        Keys.createToken(member.token(), "me", "{\"token_name\":\"secretive\"}");
        TestUser caller = testUsers.create("caller", role);
        // As in Coder, the keys are filtered by what the caller may read: an empty (null) list, not an error.
        assertThat(list(caller, "member", "").statusCode(200).extract().asString())
                .isEqualTo("null");
        assertThat(list(caller, "me", "?include_all=true")
                        .statusCode(200)
                        .extract()
                        .asString())
                .isEqualTo("null");
    }

    @Test
    void anOwnerListsAnotherUsersTokensAndAMemberCannotSeeOthers() {
        Keys.createToken(member.token(), "me", "{\"token_name\":\"mine\"}");
        list(owner, "member", "").statusCode(200).body("token_name", containsInAnyOrder("mine"));
        list(member, "owner", "").statusCode(404).body("message", equalTo(NOT_FOUND));
        given().get("/api/v2/users/me/keys/tokens").then().statusCode(401);
    }

    @Test
    void aDeletedTokenNoLongerLists() {
        String token = Keys.createToken(member.token(), "me", "{\"token_name\":\"gone\"}");
        given().header("Coder-Session-Token", member.token())
                .delete("/api/v2/users/me/keys/" + Keys.idOf(token))
                .then()
                .statusCode(204);
        assertThat(list(member, "me", "?include_expired=true")
                        .statusCode(200)
                        .extract()
                        .asString())
                .isEqualTo("null");
    }

    @Test
    void theTokensOfADeletedUserAreGone() {
        String token = Keys.createToken(member.token(), "me", "{\"token_name\":\"orphan\"}");
        given().header("Coder-Session-Token", owner.token())
                .delete("/api/v2/users/member")
                .then()
                .statusCode(200);

        assertThat(Keys.exists(Keys.idOf(token))).isFalse();
        assertThat(list(owner, "me", "?include_all=true&include_expired=true")
                        .statusCode(200)
                        .extract()
                        .asString())
                .isEqualTo("null");
        given().header("Coder-Session-Token", token)
                .get("/api/v2/users/me")
                .then()
                .statusCode(401);
    }
}
