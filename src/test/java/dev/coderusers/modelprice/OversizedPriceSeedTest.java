package dev.coderusers.modelprice;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coderusers.testsupport.ObservesStartup;
import dev.coderusers.testsupport.Poll;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A seed file above {@code coder-users.price-book.max-seed-file-size} is refused like any invalid seed, before
 * it is loaded whole: a 63 MB file used to take the process to almost 1 GB. Here the repository's own (valid)
 * seed meets a 1 KiB limit.
 */
@QuarkusTest
@ObservesStartup
@TestProfile(OversizedPriceSeedTest.OneKibibyteLimit.class)
class OversizedPriceSeedTest {

    private static final String CHECK = "checks.find { it.name == 'ai-model-price-seed' }";

    public static class OneKibibyteLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "coder-users.price-book.seed-file",
                    Path.of("seed/ai-model-prices.json").toAbsolutePath().toString(),
                    "coder-users.price-book.max-seed-file-size",
                    "1K",
                    "quarkus.log.category.\"io.smallrye.health\".level",
                    "WARN");
        }
    }

    @Test
    void aSeedFileAboveTheLimitKeepsReadinessDownWithTheReason() {
        Response failed = Poll.until(
                "the seed to be refused",
                Duration.ofSeconds(60),
                () -> given().get("/q/health/ready"),
                ready -> "failed".equals(ready.path(CHECK + ".data.phase")));

        assertThat(failed.statusCode()).isEqualTo(503);
        assertThat(failed.<String>path(CHECK + ".data.reason"))
                .isEqualTo("is larger than 1024 bytes, the limit set by coder-users.price-book.max-seed-file-size");
        given().get("/q/health/live").then().statusCode(200);
    }
}
