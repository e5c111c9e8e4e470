package dev.coderusers.user;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.coderusers.testsupport.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** With password authentication disabled, neither password sign-in nor the password reset is available. */
@QuarkusTest
@TestProfile(PasswordAuthDisabledTest.PasswordAuthDisabled.class)
class PasswordAuthDisabledTest {

    public static class PasswordAuthDisabled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("coder-users.auth.disable-password-auth", "true");
        }
    }

    static final String DISABLED = "Password authentication is disabled.";

    @Inject
    TestUsers testUsers;

    @BeforeEach
    void reset() {
        testUsers.deleteAll();
        testUsers.create("alice");
    }

    @Test
    void signInAndPasswordResetAre403() {
        given().contentType(ContentType.JSON)
                .body(Map.of("email", "alice@example.com", "password", TestUsers.PASSWORD))
                .post("/api/v2/users/login")
                .then()
                .statusCode(403)
                .body("message", equalTo(DISABLED));
        given().contentType(ContentType.JSON)
                .body(Map.of("email", "alice@example.com"))
                .post("/api/v2/users/otp/request")
                .then()
                .statusCode(403)
                .body("message", equalTo(DISABLED));
        // Checked before the body, as in Coder.
        given().contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v2/users/otp/change-password")
                .then()
                .statusCode(403)
                .body("message", equalTo(DISABLED));
    }
}
