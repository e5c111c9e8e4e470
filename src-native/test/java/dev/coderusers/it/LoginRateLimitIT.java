package dev.coderusers.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The login rate limit of the packaged service: the attempt after the limit answers 429 with Coder's body. */
@QuarkusIntegrationTest
@TestProfile(LoginRateLimitIT.ThreePerMinute.class)
@WithTestResource(value = FreshDatabase.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class LoginRateLimitIT {

    public static class ThreePerMinute implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("coder-users.auth.login-rate-limit-per-minute", "3");
        }
    }

    @BeforeEach
    void ready() {
        Readiness.awaitReady();
    }

    @Test
    void theAttemptAfterTheLimitIsRefusedWith429() {
        for (int i = 0; i < 3; i++) {
            assertThat(attempt().statusCode()).isEqualTo(401);
        }
        attempt()
                .then()
                .statusCode(429)
                .contentType(ContentType.JSON)
                .body("message", equalTo("You've been rate limited for sending more than 3 requests in 1m0s."));
    }

    private static io.restassured.response.Response attempt() {
        return given().contentType(ContentType.JSON)
                .body(Map.of("email", "nobody@example.com", "password", "wrong"))
                .post("/api/v2/users/login");
    }
}
