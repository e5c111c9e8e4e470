package dev.coderusers.security;

import static dev.coderusers.testsupport.ApiMessages.SIGNED_OUT;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.coderusers.api.CoderJson;
import dev.coderusers.apikey.ApiKey;
import dev.coderusers.testsupport.TestClock;
import dev.coderusers.testsupport.TestUsers;
import dev.coderusers.testsupport.TestUsers.TestUser;
import dev.coderusers.user.LoginType;
import dev.coderusers.user.User;
import dev.coderusers.user.UserStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class SessionAuthenticationTest {

    @Inject
    TestUsers testUsers;

    @Inject
    TestClock clock;

    TestUser alice;

    @BeforeEach
    void reset() {
        testUsers.deleteAll();
        alice = testUsers.create("alice");
    }

    @Test
    void noTokenIsRejectedWithTheChallengeHeader() {
        given().get("/api/v2/users/me")
                .then()
                .statusCode(401)
                .body("message", equalTo(SIGNED_OUT))
                .body("detail", equalTo("Cookie \"coder_session_token\" or query parameter must be provided."))
                .header("WWW-Authenticate", startsWith("Bearer realm=\"coder\", error=\"invalid_token\""))
                .header("WWW-Authenticate", containsString("error_description=\"The access token has expired\""))
                .header("WWW-Authenticate", containsString("/.well-known/oauth-protected-resource\""));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "abc|Invalid API key format: incorrect amount of API key parts, expected 2 got 1",
                "a-b-c|Invalid API key format: incorrect amount of API key parts, expected 2 got 3",
                "short-0123456789012345678901|invalid API key ID length, expected 10 got 5",
                "0123456789-short|invalid API key secret length, expected 22 got 5",
                "zzzzzzzzzz-0123456789012345678901|API key is invalid."
            })
    void malformedAndUnknownTokensGetCodersDetails(String token, String detail) {
        given().header("Coder-Session-Token", token)
                .get("/api/v2/users/me")
                .then()
                .statusCode(401)
                .body("message", equalTo(SIGNED_OUT))
                .body("detail", equalTo(detail));
    }

    @Test
    void aWrongSecretIsRejected() {
        String forged = alice.token().substring(0, 11) + "0123456789012345678901";
        given().header("Coder-Session-Token", forged)
                .get("/api/v2/users/me")
                .then()
                .statusCode(401)
                .body("detail", equalTo("API key secret is invalid."));
    }

    @Test
    void anExpiredKeyIsRejectedWithItsExpiry() {
        Instant expired = Instant.parse("2026-01-02T03:04:05.123400Z");
        updateKey(alice.token(), key -> key.expiresAt = expired);
        given().header("Coder-Session-Token", alice.token())
                .get("/api/v2/users/me")
                .then()
                .statusCode(401)
                .body("detail", equalTo("API key expired at \"2026-01-02 03:04:05.1234 +0000 UTC\"."));
    }

    @Test
    void aSuspendedUsersKeysStopWorking() {
        QuarkusTransaction.requiringNew().run(() -> User.<User>findById(alice.id()).status = UserStatus.SUSPENDED);
        given().header("Coder-Session-Token", alice.token())
                .get("/api/v2/users/me")
                .then()
                .statusCode(401)
                .body(
                        "message",
                        equalTo("User is not active (status = \"suspended\"). Contact an admin to reactivate your"
                                + " account."))
                .body("detail", nullValue())
                .header("WWW-Authenticate", containsString("error_description=\"The access token is invalid\""));
    }

    @Test
    void aDormantUserIsActivatedByItsFirstRequest() {
        TestUser dora = testUsers.create("dora", UserStatus.DORMANT);
        given().header("Coder-Session-Token", dora.token())
                .get("/api/v2/users/me")
                .then()
                .statusCode(200)
                .body("status", equalTo("active"));
    }

    @Test
    void anOAuthKeyWithoutItsLinkMustReauthenticate() {
        updateKey(alice.token(), key -> key.loginType = LoginType.GITHUB);
        given().header("Coder-Session-Token", alice.token())
                .get("/api/v2/users/me")
                .then()
                .statusCode(401)
                .body("detail", equalTo("You must re-authenticate with the login provider."));
    }

    @Test
    void theTokenIsFoundInEveryPlaceCoderLooks() {
        given().cookie("coder_session_token", alice.token())
                .get("/api/v2/users/me")
                .then()
                .statusCode(200);
        given().queryParam("coder_session_token", alice.token())
                .get("/api/v2/users/me")
                .then()
                .statusCode(200);
        given().header("Coder-Session-Token", alice.token())
                .get("/api/v2/users/me")
                .then()
                .statusCode(200);
        given().header("Authorization", "bearer  " + alice.token() + " ")
                .get("/api/v2/users/me")
                .then()
                .statusCode(200);
        given().queryParam("access_token", alice.token())
                .get("/api/v2/users/me")
                .then()
                .statusCode(200);
    }

    @Test
    void theCookieTakesPrecedenceOverTheHeader() {
        given().cookie("coder_session_token", alice.token())
                .header("Coder-Session-Token", "garbage")
                .get("/api/v2/users/me")
                .then()
                .statusCode(200);
        given().cookie("coder_session_token", "garbage")
                .header("Coder-Session-Token", alice.token())
                .get("/api/v2/users/me")
                .then()
                .statusCode(401);
    }

    @Test
    void useRefreshesLastUsedAndTheExpiryAtMostHourly() {
        // The key's first use writes last_used (Coder's "never used" becomes now); the hourly refresh follows.
        given().header("Coder-Session-Token", alice.token())
                .get("/api/v2/users/me")
                .then()
                .statusCode(200);
        ApiKey firstUse = key(alice.token());

        clock.advance(Duration.ofHours(2));
        Instant before = CoderJson.now(clock);
        given().header("Coder-Session-Token", alice.token())
                .get("/api/v2/users/me")
                .then()
                .statusCode(200);

        ApiKey refreshed = key(alice.token());
        assertThat(refreshed.lastUsed).isAfterOrEqualTo(before);
        assertThat(refreshed.ipAddress).isEqualTo("127.0.0.1");
        // The sliding expiry: a full lifetime from the refresh, not from the key's creation.
        assertThat(refreshed.expiresAt).isAfterOrEqualTo(before.plus(Duration.ofHours(24)));
        assertThat(refreshed.expiresAt).isAfter(firstUse.expiresAt);
        assertThat(QuarkusTransaction.requiringNew().call(() -> User.<User>findById(alice.id()).lastSeenAt))
                .isAfterOrEqualTo(before);

        // Within the hour nothing is written again.
        clock.advance(Duration.ofMinutes(50));
        given().header("Coder-Session-Token", alice.token())
                .get("/api/v2/users/me")
                .then()
                .statusCode(200);
        ApiKey again = key(alice.token());
        assertThat(again.lastUsed).isEqualTo(refreshed.lastUsed);
        assertThat(again.expiresAt).isEqualTo(refreshed.expiresAt);
    }

    @Test
    void aKeyStopsWorkingWhenTheClockPassesItsExpiry() {
        Instant expiresAt = key(alice.token()).expiresAt;
        clock.advance(Duration.between(CoderJson.now(clock), expiresAt).plusSeconds(1));
        given().header("Coder-Session-Token", alice.token())
                .get("/api/v2/users/me")
                .then()
                .statusCode(401)
                .body("detail", equalTo("API key expired at \"" + CoderJson.goString(expiresAt) + "\"."));
    }

    @Test
    void cookieAuthenticatedUnsafeRequestsNeedCsrfProof() {
        given().cookie("coder_session_token", alice.token())
                .post("/api/v2/users/logout")
                .then()
                .statusCode(400)
                .body("message", startsWith("Something is wrong with your CSRF token."));
        given().cookie("coder_session_token", alice.token())
                .header("Coder-Session-Token", "different")
                .post("/api/v2/users/logout")
                .then()
                .statusCode(400)
                .body("message", startsWith("CSRF error encountered."));
        // Reads are never affected, and repeating the cookie in the header is the proof.
        given().cookie("coder_session_token", alice.token())
                .get("/api/v2/users/me")
                .then()
                .statusCode(200);
        given().cookie("coder_session_token", alice.token())
                .header("Coder-Session-Token", alice.token())
                .post("/api/v2/users/logout")
                .then()
                .statusCode(200);
    }

    private static ApiKey key(String token) {
        return QuarkusTransaction.requiringNew().call(() -> ApiKey.findById(token.substring(0, 10)));
    }

    private static void updateKey(String token, java.util.function.Consumer<ApiKey> change) {
        QuarkusTransaction.requiringNew().run(() -> change.accept(ApiKey.findById(token.substring(0, 10))));
    }
}
