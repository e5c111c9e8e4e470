package dev.coderusers.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.coderusers.testsupport.SmtpServer;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Password checks, password reset by a one-time passcode mailed through a real SMTP server (GreenMail, in the test's
 * process), and user secrets encrypted at rest, against the packaged service. In the native binary this proves the
 * mailer's SMTP client, the JDK's AES-GCM and SHA-256 in the image, and the secret's bytea mapping.
 */
@QuarkusIntegrationTest
@TestProfile(AccountRecoveryAndSecretsIT.SecretsKey.class)
@WithTestResource(value = FreshDatabase.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = SmtpServer.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class AccountRecoveryAndSecretsIT {

    private static final Pattern PASSCODE =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final String SECRET_VALUE = "ghp_native-image-secret-value";

    /** An AES-256 key for the secrets (a test value, in production from a Kubernetes Secret). */
    public static class SecretsKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("coder-users.secrets.encryption-keys", "2CJcsXo2yU0OlgRmp2zf3rHqL7hNRv0aM2eA0NiAaqY=");
        }
    }

    /** Injected by {@link FreshDatabase}: what the service stored, read with SQL. */
    ItDatabase database;

    private static String owner;

    @BeforeEach
    void signedIn() {
        Readiness.awaitReady();
        if (owner == null) {
            owner = UsersApiIT.firstOwnerSession();
        }
    }

    @Test
    void passwordsAreCheckedAndResetWithAMailedPasscode() {
        UsersApiIT.as(owner)
                .contentType(ContentType.JSON)
                .body(Map.of("password", "password"))
                .post("/api/v2/users/validate-password")
                .then()
                .statusCode(200)
                .body("valid", equalTo(false))
                .body("details", not(equalTo("")));
        UsersApiIT.as(owner)
                .contentType(ContentType.JSON)
                .body(Map.of("password", "AnotherSecurePassword?42"))
                .post("/api/v2/users/validate-password")
                .then()
                .statusCode(200)
                .body("valid", equalTo(true));

        SmtpServer.clear();
        given().contentType(ContentType.JSON)
                .body(Map.of("email", "admin@example.com"))
                .post("/api/v2/users/otp/request")
                .then()
                .statusCode(204);
        List<SmtpServer.Received> mail = SmtpServer.awaitMessages(1, Duration.ofSeconds(30));
        assertThat(mail.get(0).to()).containsExactly("admin@example.com");
        Matcher passcode = PASSCODE.matcher(mail.get(0).body());
        assertThat(passcode.find()).as(mail.get(0).body()).isTrue();

        UsersApiIT.expectError(
                        given().contentType(ContentType.JSON)
                                .body(Map.of(
                                        "email", "admin@example.com",
                                        "one_time_passcode", "00000000-0000-0000-0000-000000000000",
                                        "password", "AnotherSecurePassword?42"))
                                .post("/api/v2/users/otp/change-password"),
                        400)
                .body("message", equalTo("Incorrect email or one-time passcode."));
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "email", "admin@example.com",
                        "one_time_passcode", passcode.group(),
                        "password", "AnotherSecurePassword?42"))
                .post("/api/v2/users/otp/change-password")
                .then()
                .statusCode(204);

        // The new password signs in; every key of the user, the owner's session included, is gone.
        UsersApiIT.expectError(UsersApiIT.as(owner).get("/api/v2/users/me"), 401);
        owner = UsersApiIT.login("admin@example.com", "AnotherSecurePassword?42")
                .then()
                .statusCode(201)
                .extract()
                .path("session_token");
    }

    @Test
    void secretsAreWriteOnlyAndEncryptedAtRest() {
        UsersApiIT.as(owner)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "github-token", "env_name", "GITHUB_TOKEN", "value", SECRET_VALUE))
                .post("/api/v2/users/me/secrets")
                .then()
                .statusCode(201)
                .body("name", equalTo("github-token"))
                .body("containsKey('value')", equalTo(false));
        String listed = UsersApiIT.as(owner)
                .get("/api/v2/users/me/secrets")
                .then()
                .statusCode(200)
                .body("name", hasItem("github-token"))
                .extract()
                .asString();
        assertThat(listed).doesNotContain(SECRET_VALUE);
        UsersApiIT.expectError(
                UsersApiIT.as(owner)
                        .contentType(ContentType.JSON)
                        .body(Map.of("name", "github-token", "value", "again"))
                        .post("/api/v2/users/me/secrets"),
                409);

        // Nonce, ciphertext of the value's length and tag; the value itself nowhere.
        assertThat(database.queryLong("SELECT octet_length(value) FROM user_secrets WHERE name = 'github-token'"))
                .isEqualTo(12 + SECRET_VALUE.length() + 16);
        assertThat(database.queryLong("SELECT position(convert_to('" + SECRET_VALUE
                        + "', 'UTF8') IN value) FROM user_secrets WHERE name = 'github-token'"))
                .isZero();
    }
}
