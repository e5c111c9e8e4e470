package dev.coderusers.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coderusers.testsupport.TestUsers;
import dev.coderusers.testsupport.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The password endpoints count against the login limit (5 a minute in this profile), each endpoint on its own,
 * per user when signed in and per client address otherwise.
 */
@QuarkusTest
@TestProfile(LoginRateLimitTest.FivePerMinute.class)
class PasswordEndpointsRateLimitTest {

    @Inject
    TestUsers testUsers;

    private static int post(String path, String token, Map<String, String> body) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (token != null) {
            request.header("Coder-Session-Token", token);
        }
        return request.post(path).statusCode();
    }

    @Test
    void theSixthRequestToEachPasswordEndpointIsRateLimited() {
        testUsers.deleteAll();
        TestUser carol = testUsers.create("carol");
        Map<String, Map<String, String>> endpoints = Map.of(
                "/api/v2/users/otp/request", Map.of("email", "nobody-here@example.com"),
                "/api/v2/users/otp/change-password",
                        Map.of(
                                "email", "nobody-here@example.com",
                                "one_time_passcode", "x",
                                "password", "AnotherSecurePassword?42"),
                "/api/v2/users/validate-password", Map.of("password", "x"));
        endpoints.forEach((path, body) -> {
            String token = path.endsWith("validate-password") ? carol.token() : null;
            for (int i = 0; i < 5; i++) {
                assertThat(post(path, token, body)).as(path).isNotEqualTo(429);
            }
            assertThat(post(path, token, body)).as(path).isEqualTo(429);
        });
    }
}
