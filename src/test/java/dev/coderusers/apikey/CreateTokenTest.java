package dev.coderusers.apikey;

import static dev.coderusers.apikey.Keys.DAY_NANOS;
import static dev.coderusers.testsupport.ApiMessages.NOT_FOUND;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.coderusers.api.CoderJson;
import dev.coderusers.security.SessionTokens;
import dev.coderusers.testsupport.TestUsers;
import dev.coderusers.testsupport.TestUsers.TestUser;
import dev.coderusers.user.LoginType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code POST /api/v2/users/{user}/keys/tokens} and {@code GET …/tokens/tokenconfig}. */
@QuarkusTest
class CreateTokenTest {

    static final String A = "11111111-1111-4111-8111-111111111111";
    static final String B = "22222222-2222-4222-8222-222222222222";

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

    private ValidatableResponse post(TestUser caller, String user, String body) {
        return given().header("Coder-Session-Token", caller.token())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v2/users/" + user + "/keys/tokens")
                .then();
    }

    @Test
    void anEmptyRequestGivesAWeekLongTokenWithDefaultsAndAGeneratedName() {
        String token = Keys.createToken(member.token(), "me", "{}");
        assertThat(token).matches("[0-9a-zA-Z]{10}-[0-9a-zA-Z]{22}");

        ApiKey key = Keys.load(Keys.idOf(token));
        assertThat(key.userId).isEqualTo(member.id());
        assertThat(key.loginType).isEqualTo(LoginType.TOKEN);
        assertThat(key.lifetimeSeconds).isEqualTo(604_800);
        assertThat(Duration.between(key.createdAt, key.expiresAt)).isEqualTo(Duration.ofDays(7));
        assertThat(key.tokenName).matches("[a-z]+_[a-z]+[0-9]{2}").hasSizeLessThanOrEqualTo(32);
        assertThat(key.scopes).containsExactly("coder:all");
        assertThat(key.allowList).containsExactly("*:*");
        assertThat(key.lastUsed).isEqualTo(Instant.EPOCH);
        // Only SHA-256 of the secret is stored; the token itself appears nowhere in the row.
        assertThat(key.hashedSecret).isEqualTo(SessionTokens.hash(Keys.secretOf(token)));
    }

    @Test
    void aTokenAuthenticatesAndItsExpirySlides() {
        String token =
                Keys.createToken(member.token(), "me", "{\"token_name\":\"ci\",\"lifetime\":" + 30 * DAY_NANOS + "}");
        String id = Keys.idOf(token);
        // As if the token had been created two hours ago and used since.
        Instant aged = CoderJson.now().plus(Duration.ofDays(30)).minus(Duration.ofHours(2));
        Keys.update(id, key -> key.expiresAt = aged);

        given().header("Coder-Session-Token", token)
                .get("/api/v2/users/me")
                .then()
                .statusCode(200)
                .body("username", equalTo("member"));

        ApiKey key = Keys.load(id);
        assertThat(key.expiresAt).isAfter(aged);
        assertThat(key.lastUsed).isAfter(Instant.EPOCH);
        assertThat(key.lifetimeSeconds).isEqualTo(30L * 86_400);
    }

    @Test
    void lifetimeZeroMeansTheDefault() {
        String token = Keys.createToken(member.token(), "me", "{\"lifetime\":0}");
        assertThat(Keys.load(Keys.idOf(token)).lifetimeSeconds).isEqualTo(604_800);
    }

    @Test
    void aNegativeLifetimeIsRefused() {
        post(member, "me", "{\"lifetime\":-1}")
                .statusCode(400)
                .body("message", equalTo("Failed to validate create API key request."))
                .body("detail", equalTo("lifetime must be positive number greater than 0"));
    }

    @Test
    void aFractionalLifetimeIsAnInvalidBodyNotTruncated() {
        post(member, "me", "{\"lifetime\":1.5}")
                .statusCode(400)
                .body("message", equalTo("Request body must be valid JSON."))
                .body("detail", equalTo("cannot unmarshal field \"lifetime\": expected a number"));
    }

    @Test
    void aMemberMayAskForThirtyDaysButNotBeyondTheMaximum() {
        String token = Keys.createToken(member.token(), "me", "{\"lifetime\":" + 30 * DAY_NANOS + "}");
        ApiKey key = Keys.load(Keys.idOf(token));
        assertThat(key.lifetimeSeconds).isEqualTo(2_592_000);
        assertThat(Duration.between(key.createdAt, key.expiresAt)).isEqualTo(Duration.ofDays(30));

        long aboveMax = Duration.ofHours(876_600).toNanos() + 1;
        post(member, "me", "{\"lifetime\":" + aboveMax + "}")
                .statusCode(400)
                .body("message", equalTo("Failed to validate create API key request."))
                .body("detail", equalTo("lifetime must be less than 876600h0m0s"));
    }

    @Test
    void ownersAreCappedAtTheAdminMaximum() {
        post(owner, "me", "{\"lifetime\":" + 8 * DAY_NANOS + "}")
                .statusCode(400)
                .body("message", equalTo("Failed to validate create API key request."))
                .body("detail", equalTo("lifetime must be less than 168h0m0s"));
        String token = Keys.createToken(owner.token(), "me", "{\"lifetime\":" + 7 * DAY_NANOS + "}");
        assertThat(Keys.load(Keys.idOf(token)).lifetimeSeconds).isEqualTo(604_800);
    }

    @Test
    void theCapIsThatOfTheTokensUserNotOfTheCaller() {
        String token = Keys.createToken(owner.token(), "member", "{\"lifetime\":" + 30 * DAY_NANOS + "}");
        ApiKey key = Keys.load(Keys.idOf(token));
        assertThat(key.userId).isEqualTo(member.id());
        assertThat(key.lifetimeSeconds).isEqualTo(2_592_000);
    }

    @Test
    void tokenConfigTellsEachUserItsMaximum() {
        given().header("Coder-Session-Token", member.token())
                .get("/api/v2/users/me/keys/tokens/tokenconfig")
                .then()
                .statusCode(200)
                .body("max_token_lifetime", equalTo(Duration.ofHours(876_600).toNanos()));
        given().header("Coder-Session-Token", member.token())
                .get("/api/v2/users/owner/keys/tokens/tokenconfig")
                .then()
                .statusCode(404);
        given().header("Coder-Session-Token", owner.token())
                .get("/api/v2/users/owner/keys/tokens/tokenconfig")
                .then()
                .statusCode(200)
                .body("max_token_lifetime", equalTo(Duration.ofHours(168).toNanos()));
        given().get("/api/v2/users/me/keys/tokens/tokenconfig").then().statusCode(401);
    }

    @Test
    void tokenConfigIsNotShadowedByATokenOfThatName() {
        Keys.createToken(member.token(), "me", "{\"token_name\":\"tokenconfig\"}");
        given().header("Coder-Session-Token", member.token())
                .get("/api/v2/users/me/keys/tokens/tokenconfig")
                .then()
                .statusCode(200)
                .body("max_token_lifetime", equalTo(Duration.ofHours(876_600).toNanos()))
                .body("id", nullValue());
    }

    @Test
    void aDuplicateNameIsAConflictButOtherUsersMayReuseIt() {
        Keys.createToken(member.token(), "me", "{\"token_name\":\"deploy\"}");
        post(member, "me", "{\"token_name\":\"deploy\"}")
                .statusCode(409)
                .body("message", equalTo("A token with name \"deploy\" already exists."))
                .body("validations", hasSize(1))
                .body("validations[0].field", equalTo("name"))
                .body("validations[0].detail", equalTo("This value is already in use and should be unique."));
        Keys.createToken(owner.token(), "me", "{\"token_name\":\"deploy\"}");
        long named = QuarkusTransaction.requiringNew().call(() -> ApiKey.count("tokenName", "deploy"));
        assertThat(named).isEqualTo(2);
    }

    @Test
    void theLegacyApplicationConnectScopeIsStoredUnderItsNewName() {
        Keys.createToken(member.token(), "me", "{\"token_name\":\"apps\",\"scope\":\"application_connect\"}");
        given().header("Coder-Session-Token", member.token())
                .get("/api/v2/users/me/keys/tokens/apps")
                .then()
                .statusCode(200)
                .body("scope", equalTo("application_connect"))
                .body("scopes", contains("coder:application_connect"));
    }

    @Test
    void scopesAreValidatedAndWinOverTheLegacyScope() {
        String token = Keys.createToken(
                member.token(),
                "me",
                "{\"scope\":\"application_connect\",\"scopes\":[\"workspace:read\",\"all\",\"coder:all\"]}");
        assertThat(Keys.load(Keys.idOf(token)).scopes).containsExactly("workspace:read", "coder:all");

        post(member, "me", "{\"scopes\":[\"workspace:read\",\"workspace:fly\"]}")
                .statusCode(400)
                .body("message", equalTo("Failed to create API key."))
                .body("detail", equalTo("invalid or unsupported API key scope: \"workspace:fly\""));
        post(member, "me", "{\"scope\":\"root\"}")
                .statusCode(400)
                .body("detail", equalTo("invalid or unsupported API key scope: \"root\""));
    }

    @Test
    void theAllowListIsNormalisedAndShownAsStrings() {
        Keys.createToken(
                member.token(),
                "me",
                "{\"token_name\":\"narrow\",\"allow_list\":[\"workspace:" + A + "\",\"workspace:*\",\"template:" + B
                        + "\",\"template:" + B + "\"]}");
        given().header("Coder-Session-Token", member.token())
                .get("/api/v2/users/me/keys/tokens/narrow")
                .then()
                .statusCode(200)
                .body("allow_list", contains("template:" + B, "workspace:*"));
        String wide = Keys.createToken(member.token(), "me", "{\"allow_list\":[\"workspace:" + A + "\",\"*:*\"]}");
        assertThat(Keys.load(Keys.idOf(wide)).allowList).containsExactly("*:*");
    }

    @Test
    void aMalformedAllowListIsAnInvalidBody() {
        post(member, "me", "{\"allow_list\":[\"workspace:not-a-uuid\"]}")
                .statusCode(400)
                .body("message", equalTo("Request body must be valid JSON."))
                .body("detail", equalTo("invalid workspace ID (must be UUID): \"not-a-uuid\""));
        post(member, "me", "{\"allow_list\":[\"spaceship:*\"]}")
                .statusCode(400)
                .body("detail", equalTo("unknown resource type \"spaceship\""));
        post(member, "me", "{\"allow_list\":[{\"type\":\"workspace\",\"id\":\"*\"}]}")
                .statusCode(400)
                .body("message", equalTo("Request body must be valid JSON."));
        assertThat(tokenCount(member)).isZero();
    }

    @Test
    void aMissingOrBrokenBodyIsRefused() {
        given().header("Coder-Session-Token", member.token())
                .contentType(ContentType.JSON)
                .post("/api/v2/users/me/keys/tokens")
                .then()
                .statusCode(400)
                .body("message", equalTo("Request body must be valid JSON."))
                .body("detail", equalTo("EOF"));
        post(member, "me", "{\"lifetime\":\"soon\"}")
                .statusCode(400)
                .body("message", equalTo("Request body must be valid JSON."));
    }

    @ParameterizedTest
    @ValueSource(strings = {"user-admin", "template-admin", "auditor"})
    void rolesThatSeeTheUserButMayNotHoldItsKeysAreForbidden(String role) {
        TestUser caller = testUsers.create("caller", role);
        post(caller, "member", "{}").statusCode(403).body("message", equalTo("Forbidden."));
        assertThat(tokenCount(member)).isZero();
    }

    @Test
    void anOwnerCreatesTokensForOthersAndAMemberCannotSeeOthers() {
        String token = Keys.createToken(owner.token(), "member", "{\"token_name\":\"for-member\"}");
        assertThat(Keys.load(Keys.idOf(token)).userId).isEqualTo(member.id());
        post(member, "owner", "{}").statusCode(404).body("message", equalTo(NOT_FOUND));
    }

    @Test
    void systemUsersGetNoTokensAndAnonymousCallersAreRejected() {
        post(owner, "prebuilds", "{}").statusCode(403).body("message", equalTo("Forbidden."));
        given().contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v2/users/me/keys/tokens")
                .then()
                .statusCode(401);
    }

    private static long tokenCount(TestUser user) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ApiKey.count("userId = ?1 and loginType = ?2", user.id(), LoginType.TOKEN));
    }
}
