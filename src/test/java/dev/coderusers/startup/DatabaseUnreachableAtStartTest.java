package dev.coderusers.startup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.coderusers.testsupport.ObservesStartup;
import dev.coderusers.testsupport.Poll;
import dev.coderusers.testsupport.PostgresTestResource;
import dev.coderusers.testsupport.TcpForwarder;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The service starts while its database is unreachable: it is live but not ready, and keeps retrying;
 * once the database answers (a forwarder opens the configured port to the suite's real PostgreSQL), the
 * migrations and the seed run and readiness turns UP, without a restart.
 */
@QuarkusTest
@ObservesStartup
@TestProfile(DatabaseUnreachableAtStartTest.UnreachableDatabase.class)
class DatabaseUnreachableAtStartTest {

    private static final Duration BOUND = Duration.ofSeconds(60);
    private static final String CHECK_NAME = "ai-model-price-seed";
    private static final String CHECK = "checks.find { it.name == '" + CHECK_NAME + "' }";

    /**
     * Points the datasource at a loopback port where nothing listens. A profile's config override wins
     * over the URL supplied by the global PostgresTestResource (checked by the first assertion below).
     */
    public static class UnreachableDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.datasource.jdbc.url",
                    "jdbc:postgresql://127.0.0.1:" + port() + "/postgres",
                    // Every poll of a DOWN readiness would be logged at INFO.
                    "quarkus.log.category.\"io.smallrye.health\".level",
                    "WARN");
        }

        /** Chosen once per JVM: the profile may be instantiated more than once, in more than one class loader. */
        static int port() {
            return Integer.parseInt((String) System.getProperties()
                    .computeIfAbsent(
                            "coder-users.test.unreachable-db-port", key -> String.valueOf(TcpForwarder.freePort())));
        }
    }

    @Test
    void isLiveButNotReadyWhileTheDatabaseIsDownThenReadyOnceItAnswers() throws Exception {
        int port = UnreachableDatabase.port();
        assertThat(ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class))
                .isEqualTo("jdbc:postgresql://127.0.0.1:" + port + "/postgres");

        Response waiting = Poll.until(
                "a second failed attempt to reach the database",
                BOUND,
                () -> given().get("/q/health/ready"),
                ready -> "waiting_for_database".equals(ready.path(CHECK + ".data.phase"))
                        && ready.<Integer>path(CHECK + ".data.attempts") >= 2);
        waiting.then().statusCode(503).body("status", equalTo("DOWN")).body(CHECK + ".status", equalTo("DOWN"));
        String reason = waiting.path(CHECK + ".data.reason");
        assertThat(reason).isEqualTo("The database cannot be reached; retrying.");
        // Readiness and the API's 503 are answered to anyone: no host, port or database name in them (the
        // log has them), and no check that opens a connection while the probe waits.
        assertThat(waiting.asString()).doesNotContain(String.valueOf(port)).doesNotContain("postgres");
        assertThat(waiting.<List<String>>path("checks.name")).containsExactlyInAnyOrder(CHECK_NAME, "database");
        waiting.then().body("checks.find { it.name == 'database' }.status", equalTo("DOWN"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
        Response gated = given().get("/api/v2/users/me");
        // Every 5xx ends its detail with the request's id.
        gated.then()
                .statusCode(503)
                .header("Retry-After", "1")
                .body("message", equalTo("The service is starting and cannot answer yet. Please try again shortly."))
                .body(
                        "detail",
                        equalTo("The database cannot be reached; retrying. Request id " + gated.header("X-Request-Id")
                                + "."));

        try (TcpForwarder database = TcpForwarder.start(port, realDatabase())) {
            Response ready = Poll.until(
                    "readiness once the database answers",
                    BOUND,
                    () -> given().get("/q/health/ready"),
                    response -> response.statusCode() == 200);

            ready.then()
                    .body("status", equalTo("UP"))
                    .body(CHECK + ".status", equalTo("UP"))
                    .body(CHECK + ".data.phase", equalTo("ready"))
                    .body(CHECK + ".data.rows", equalTo(71))
                    .body("checks.find { it.name == 'database' }.status", equalTo("UP"));
            given().get("/q/health/live").then().statusCode(200);
            // The gate is open: the request reaches routing (no such route yet) instead of the 503.
            given().get("/api/v2/no-such-route").then().statusCode(404);
        }
    }

    /** Host and port of the PostgreSQL the suite runs against (PostgresTestResource). */
    private static InetSocketAddress realDatabase() {
        String url = System.getProperty(PostgresTestResource.URL_IN_USE);
        assertThat(url).as("URL of the suite's PostgreSQL").isNotNull();
        URI uri = URI.create(url.substring("jdbc:".length()));
        return new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort());
    }
}
