package dev.coderusers.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.coderusers.testsupport.TestUsers;
import dev.coderusers.testsupport.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The login rate limit with a limit of 5 a minute. Each test counts against its own key (its own users, or
 * the one anonymous test against the client address), so the tests do not depend on each other's order.
 */
@QuarkusTest
@TestProfile(LoginRateLimitTest.FivePerMinute.class)
class LoginRateLimitTest {

    static final String LIMITED = "You've been rate limited for sending more than 5 requests in 1m0s.";

    public static class FivePerMinute implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("coder-users.auth.login-rate-limit-per-minute", "5");
        }
    }

    @Inject
    TestUsers testUsers;

    @BeforeEach
    void reset() {
        testUsers.deleteAll();
    }

    private static int login(RequestSpecification request) {
        return request.contentType(ContentType.JSON)
                .body(Map.of("email", "nobody@example.com", "password", "wrong"))
                .post("/api/v2/users/login")
                .statusCode();
    }

    @Test
    void theSixthLoginFromOneAddressIsRateLimited() {
        for (int i = 0; i < 5; i++) {
            assertThat(login(given())).isEqualTo(401);
        }
        given().contentType(ContentType.JSON)
                .body(Map.of("email", "nobody@example.com", "password", "wrong"))
                .post("/api/v2/users/login")
                .then()
                .statusCode(429)
                .body("message", equalTo(LIMITED));
    }

    @Test
    void eachEndpointAndEachUserIsCountedSeparately() {
        TestUser alice = testUsers.create("alice");
        TestUser bob = testUsers.create("bob");
        // With a valid session the limit is per user, not per address.
        for (int i = 0; i < 5; i++) {
            assertThat(login(given().header("Coder-Session-Token", alice.token())))
                    .isEqualTo(401);
        }
        assertThat(login(given().header("Coder-Session-Token", alice.token()))).isEqualTo(429);
        assertThat(login(given().header("Coder-Session-Token", bob.token()))).isEqualTo(401);
        // Another limited endpoint has its own count for the same user.
        given().header("Coder-Session-Token", alice.token())
                .contentType(ContentType.JSON)
                .body(Map.of("password", "AnotherSecurePassword?42"))
                .put("/api/v2/users/me/password")
                .then()
                .statusCode(400)
                .body("message", equalTo("Old password is required."));
    }

    @Test
    void passwordChangesAreLimitedPerUser() {
        TestUser carol = testUsers.create("carol");
        for (int i = 0; i < 5; i++) {
            given().header("Coder-Session-Token", carol.token())
                    .contentType(ContentType.JSON)
                    .body(Map.of())
                    .put("/api/v2/users/me/password")
                    .then()
                    .statusCode(400);
        }
        given().header("Coder-Session-Token", carol.token())
                .contentType(ContentType.JSON)
                .body(Map.of())
                .put("/api/v2/users/me/password")
                .then()
                .statusCode(429)
                .body("message", equalTo(LIMITED));
    }

    @Test
    void ownersMayBypassTheLimitWithTheHeader() {
        TestUser owner = testUsers.create("owner", "owner");
        TestUser member = testUsers.create("member");
        for (TestUser user : new TestUser[] {owner, member}) {
            for (int i = 0; i < 5; i++) {
                assertThat(login(given().header("Coder-Session-Token", user.token())))
                        .isEqualTo(401);
            }
            assertThat(login(given().header("Coder-Session-Token", user.token())))
                    .isEqualTo(429);
        }
        assertThat(login(given().header("Coder-Session-Token", owner.token())
                        .header("X-Coder-Bypass-Ratelimit", "true")))
                .isEqualTo(401);
        // Only owners: the header does nothing for anyone else.
        assertThat(login(given().header("Coder-Session-Token", member.token())
                        .header("X-Coder-Bypass-Ratelimit", "true")))
                .isEqualTo(429);
    }
}
