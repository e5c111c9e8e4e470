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
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
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

    @Inject
    EntityManager entityManager;

    @BeforeEach
    @Transactional
    void reset() {
        testUsers.deleteAll();
        // The counters live in the database, shared with every other test class of the suite.
        entityManager.createNativeQuery("DELETE FROM rate_limit_windows").executeUpdate();
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

    /** Path variants reach the same handler; they used to get fresh buckets each. */
    @Test
    void pathVariantsOfTheLoginShareOneCount() {
        List<String> variants = List.of(
                "/api/v2/users/login",
                "/api/v2/users/login/",
                "/api/v2/users/login//",
                "//api/v2/users/login/",
                "/api/v2//users/login");
        for (String path : variants) {
            int status = given().urlEncodingEnabled(false)
                    .contentType(ContentType.JSON)
                    .body(Map.of("email", "nobody@example.com", "password", "wrong"))
                    .post(path)
                    .statusCode();
            assertThat(status).as(path).isEqualTo(401);
        }
        for (String path : variants) {
            given().urlEncodingEnabled(false)
                    .contentType(ContentType.JSON)
                    .body(Map.of("email", "nobody@example.com", "password", "wrong"))
                    .post(path)
                    .then()
                    .statusCode(429)
                    .body("message", equalTo(LIMITED));
        }
    }

    /** me, the UUID, the username in any case: one user's password changes, one count. */
    @Test
    void passwordChangesShareOneCountWhateverNamesTheUser() {
        TestUser dave = testUsers.create("dave");
        List<String> names = List.of("me", dave.id().toString(), "dave", "DAVE", "Dave");
        for (String name : names) {
            given().header("Coder-Session-Token", dave.token())
                    .contentType(ContentType.JSON)
                    .body(Map.of())
                    .put("/api/v2/users/" + name + "/password")
                    .then()
                    .statusCode(400);
        }
        for (String name : names) {
            given().header("Coder-Session-Token", dave.token())
                    .contentType(ContentType.JSON)
                    .body(Map.of())
                    .put("/api/v2/users/" + name + "/password")
                    .then()
                    .statusCode(429);
        }
    }

    /**
     * The count is the database's, not the process's: attempts another replica served (its rows in
     * rate_limit_windows) count here, and the attempts served here are what another replica reads.
     */
    @Test
    void attemptsServedByAnotherReplicaCount() {
        countAttemptsOfAnotherReplica("log-in-user", "ip:127.0.0.1", 4);
        assertThat(login(given())).isEqualTo(401);
        assertThat(login(given())).isEqualTo(429);
        // The refused attempt is not counted (a minute boundary may split the five over two windows).
        assertThat(hitsCounted("log-in-user", "ip:127.0.0.1")).isEqualTo(5);
    }

    @Test
    @Transactional
    void expiredWindowsAreDeleted() {
        entityManager
                .createNativeQuery("INSERT INTO rate_limit_windows VALUES ('log-in-user', 'ip:192.0.2.1',"
                        + " now() - interval '10 minutes', 3), ('log-in-user', 'ip:192.0.2.2', now(), 1)")
                .executeUpdate();
        windows.deleteExpired();
        assertThat(entityManager
                        .createNativeQuery("SELECT subject FROM rate_limit_windows ORDER BY subject")
                        .getResultList())
                .containsExactly("ip:192.0.2.2");
    }

    @Inject
    RateLimitWindows windows;

    @Transactional
    void countAttemptsOfAnotherReplica(String operation, String subject, int hits) {
        entityManager
                .createNativeQuery("INSERT INTO rate_limit_windows VALUES (?1, ?2,"
                        + " date_bin(interval '1 minute', now(), TIMESTAMPTZ '2000-01-01 00:00:00+00'), ?3)")
                .setParameter(1, operation)
                .setParameter(2, subject)
                .setParameter(3, hits)
                .executeUpdate();
    }

    @Transactional
    int hitsCounted(String operation, String subject) {
        return ((Number) entityManager
                        .createNativeQuery(
                                "SELECT sum(hits) FROM rate_limit_windows WHERE operation = ?1 AND subject = ?2")
                        .setParameter(1, operation)
                        .setParameter(2, subject)
                        .getSingleResult())
                .intValue();
    }
}
