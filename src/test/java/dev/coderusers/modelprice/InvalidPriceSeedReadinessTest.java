package dev.coderusers.modelprice;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.coderusers.testsupport.ObservesStartup;
import dev.coderusers.testsupport.Poll;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A seed file that fails validation keeps the service live but never ready, and says why. */
@QuarkusTest
@ObservesStartup
@TestProfile(InvalidPriceSeedReadinessTest.InvalidSeedFile.class)
class InvalidPriceSeedReadinessTest {

    private static final String CHECK = "checks.find { it.name == 'ai-model-price-seed' }";

    /** Points {@code coder-users.price-book.seed-file} at a seed whose second row has a negative price. */
    public static class InvalidSeedFile implements QuarkusTestProfile {

        static final Path FILE =
                Path.of("target", "invalid-price-seed", "ai-model-prices.json").toAbsolutePath();

        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Files.createDirectories(FILE.getParent());
                Files.write(
                        FILE,
                        SeedFiles.array(
                                SeedFiles.row("\"anthropic\"", "\"claude-x\"", "3000000", "15000000", "null", "null"),
                                SeedFiles.row("\"openai\"", "\"gpt-x\"", "1000", "-2000", "0", "null")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of(
                    "coder-users.price-book.seed-file",
                    FILE.toString(),
                    // Every poll of a DOWN readiness would be logged at INFO.
                    "quarkus.log.category.\"io.smallrye.health\".level",
                    "WARN");
        }
    }

    @Test
    void readinessStaysDownWithTheReasonWhileLivenessIsUp() {
        Response failed = Poll.until(
                "the seed to be refused",
                Duration.ofSeconds(60),
                () -> given().get("/q/health/ready"),
                ready -> "failed".equals(ready.path(CHECK + ".data.phase")));

        failed.then().statusCode(503).body("status", equalTo("DOWN")).body(CHECK + ".status", equalTo("DOWN"));
        String reason = failed.path(CHECK + ".data.reason");
        // Row and field, without the file's path: readiness is answered to anyone (the log names the file).
        assertThat(reason)
                .startsWith("row 2 (openai/gpt-x): field \"output_price\"")
                .contains("must not be negative");
        assertThat(failed.asString()).doesNotContain(InvalidSeedFile.FILE.toString());
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void apiAnswersServiceUnavailableWithTheReason() {
        Poll.until(
                "the seed to be refused",
                Duration.ofSeconds(60),
                () -> given().get("/q/health/ready"),
                ready -> "failed".equals(ready.path(CHECK + ".data.phase")));

        Response gated = given().get("/api/v2/users");
        // Every 5xx ends its detail with the request's id.
        String requestId = gated.header("X-Request-Id");
        gated.then()
                .statusCode(503)
                .header("Retry-After", "1")
                .contentType("application/json")
                .body("message", equalTo("The service is starting and cannot answer yet. Please try again shortly."))
                .body(
                        "detail",
                        equalTo("row 2 (openai/gpt-x): field \"output_price\" must not be negative, got -2000"
                                + " Request id " + requestId + "."));
    }
}
