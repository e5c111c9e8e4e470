package dev.coderusers.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import dev.coderusers.api.CoderJson;
import dev.coderusers.apikey.ApiKey;
import dev.coderusers.testsupport.TestUsers;
import dev.coderusers.testsupport.TestUsers.TestUser;
import dev.coderusers.user.LoginType;
import dev.coderusers.user.User;
import dev.coderusers.user.UserStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LoginTest {

    /** Coder's own test vector (userpassword_test.go): the hash of "tomato". */
    static final String CODER_HASH_OF_TOMATO = "$pbkdf2-sha256$65535$z8c1p1C2ru9EImBP1I+ZNA$"
            + "pNjE3Yk0oG0PmJ0Je+y7ENOVlSkn/b0BEqqdKsq6Y97wQBq0xT+lD5bWJpyIKJqQICuPZcEaGDKrXJn8+SIHRg";

    @Inject
    TestUsers testUsers;

    @Inject
    EntityManager entityManager;

    @BeforeEach
    void reset() {
        testUsers.deleteAll();
    }

    private static Response login(String email, String password) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", password))
                .post("/api/v2/users/login");
    }

    @Test
    void aPasswordLoginOpensASessionAndSetsTheCookie() {
        TestUser alice = testUsers.create("alice");
        Response response = login("ALICE@example.com", TestUsers.PASSWORD);
        response.then()
                .statusCode(201)
                .body("session_token", matchesPattern("^[0-9a-zA-Z]{10}-[0-9a-zA-Z]{22}$"))
                .header("Set-Cookie", containsString("coder_session_token="))
                .header("Set-Cookie", containsString("Path=/"))
                .header("Set-Cookie", containsString("HttpOnly"))
                .header("Set-Cookie", containsString("Max-Age=31536000"));
        String token = response.path("session_token");

        given().header("Coder-Session-Token", token)
                .get("/api/v2/users/me")
                .then()
                .statusCode(200)
                .body("id", equalTo(alice.id().toString()));

        QuarkusTransaction.requiringNew().run(() -> {
            ApiKey key = ApiKey.findById(token.substring(0, 10));
            assertThat(key.loginType).isEqualTo(LoginType.PASSWORD);
            assertThat(key.lifetimeSeconds).isEqualTo(86_400);
            assertThat(key.tokenName).isEmpty();
            assertThat(key.scopes).containsExactly("coder:all");
            assertThat(key.allowList).containsExactly("*:*");
            // Only the SHA-256 of the secret is stored.
            assertThat(key.hashedSecret).hasSize(32);
        });
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSameAnswer() {
        testUsers.create("alice");
        login("alice@example.com", "WrongPassword!1")
                .then()
                .statusCode(401)
                .body("message", equalTo("Incorrect email or password."));
        login("nobody@example.com", TestUsers.PASSWORD)
                .then()
                .statusCode(401)
                .body("message", equalTo("Incorrect email or password."));
    }

    @Test
    void aHashMadeByCoderLogsIn() {
        TestUser bob = testUsers.create("bob");
        QuarkusTransaction.requiringNew().run(() -> {
            User user = User.findById(bob.id());
            user.hashedPassword = CODER_HASH_OF_TOMATO;
        });
        login("bob@example.com", "tomato").then().statusCode(201);
        login("bob@example.com", "potato").then().statusCode(401);
    }

    @Test
    void aDormantUserBecomesActiveOnLogin() {
        TestUser dora = testUsers.create("dora", UserStatus.DORMANT);
        login("dora@example.com", TestUsers.PASSWORD).then().statusCode(201);
        QuarkusTransaction.requiringNew().run(() -> {
            User user = User.findById(dora.id());
            assertThat(user.status).isEqualTo(UserStatus.ACTIVE);
            assertThat(user.lastSeenAt).isAfter(CoderJson.ZERO_TIME);
        });
    }

    @Test
    void aSuspendedUserCannotLogIn() {
        testUsers.create("sam", UserStatus.SUSPENDED);
        login("sam@example.com", TestUsers.PASSWORD)
                .then()
                .statusCode(401)
                .body("message", equalTo("Your account is suspended. Contact an admin to reactivate your account."));
    }

    @Test
    void usersOfAnotherLoginTypeAreToldSo() {
        TestUser gina = testUsers.create("gina");
        QuarkusTransaction.requiringNew().run(() -> {
            User user = User.findById(gina.id());
            user.loginType = LoginType.GITHUB;
            user.hashedPassword = "";
        });
        // Coder compares password-less users against the hash of "hunter2": that password reaches the
        // login-type check, any other is simply wrong.
        login("gina@example.com", "hunter2")
                .then()
                .statusCode(403)
                .body(
                        "message",
                        equalTo("Incorrect login type, attempting to use \"password\" but user is of login type"
                                + " \"github\""));
        login("gina@example.com", "anything-else").then().statusCode(401);
    }

    @Test
    void invalidBodiesAreValidationErrors() {
        given().contentType(ContentType.JSON)
                .body(Map.of("email", "not-an-email"))
                .post("/api/v2/users/login")
                .then()
                .statusCode(400)
                .body("message", equalTo("Validation failed."))
                .body("validations.field", org.hamcrest.Matchers.containsInAnyOrder("email", "password"));
        given().contentType(ContentType.JSON)
                .body("[1,2")
                .post("/api/v2/users/login")
                .then()
                .statusCode(400)
                .body("message", equalTo("Request body must be valid JSON."));
    }

    @Test
    void logoutDeletesTheSessionAndApplicationConnectKeysOnly() {
        TestUser alice = testUsers.create("alice");
        String other = testUsers.newSession(alice.id());
        String appConnect = testUsers.newSession(alice.id());
        QuarkusTransaction.requiringNew().run(() -> {
            ApiKey key = ApiKey.findById(appConnect.substring(0, 10));
            key.scopes = List.of(ApiKey.SCOPE_APPLICATION_CONNECT);
        });

        given().header("Coder-Session-Token", alice.token())
                .post("/api/v2/users/logout")
                .then()
                .statusCode(200)
                .body("message", equalTo("Logged out!"))
                .header("Set-Cookie", containsString("coder_session_token=;"))
                .header("Set-Cookie", containsString("Max-Age=0"));

        given().header("Coder-Session-Token", alice.token())
                .get("/api/v2/users/me")
                .then()
                .statusCode(401)
                .body("detail", equalTo("API key is invalid."));
        given().header("Coder-Session-Token", appConnect)
                .get("/api/v2/users/me")
                .then()
                .statusCode(401);
        given().header("Coder-Session-Token", other)
                .get("/api/v2/users/me")
                .then()
                .statusCode(200);
    }

    @Test
    void logoutNeedsASession() {
        given().post("/api/v2/users/logout")
                .then()
                .statusCode(401)
                .body("detail", equalTo("Cookie \"coder_session_token\" or query parameter must be provided."));
    }

    @Test
    void authMethodsArePublicAndReportPasswordOnlyByDefault() {
        given().get("/api/v2/users/authmethods")
                .then()
                .statusCode(200)
                .body("password.enabled", equalTo(true))
                .body("github.enabled", equalTo(false))
                .body("github.default_provider_configured", equalTo(false))
                .body("oidc.enabled", equalTo(false))
                .body("oidc.signInText", equalTo("OpenID Connect"))
                .body("oidc.iconUrl", equalTo(""));
    }
}
