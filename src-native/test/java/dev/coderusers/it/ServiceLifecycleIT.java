package dev.coderusers.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The packaged service's life on its own database, started and stopped by the test: the first start applies
 * the whole price book, the next one skips it by checksum, a seed file that fails validation keeps it live but
 * never ready, and {@code SIGTERM} stops it cleanly. In the native binary this proves the seed and migrations
 * are resources of the image, the JSON and SHA-256 code paths work without a JVM, and the signal handling of
 * the image.
 */
class ServiceLifecycleIT {

    private static final String SEED_CHECK = Readiness.SEED_CHECK;
    private static final Duration STOP_LIMIT = Duration.ofSeconds(30);
    /**
     * How a stop by {@code SIGTERM} ends: 143 (128 + 15) once the shutdown hooks have run, as for any JVM - the
     * native binary keeps that convention - or 0. Either is a clean stop for Kubernetes; a crash or a hang is not.
     */
    private static final List<Integer> STOPPED_BY_SIGTERM = List.of(143, 0);

    @Test
    void theFirstStartAppliesThePriceBookAndTheNextSkipsItByChecksum() throws IOException {
        int rows = new ObjectMapper()
                .readTree(Path.of("seed/ai-model-prices.json").toFile())
                .size();
        ItDatabase database = ItDatabase.fresh();

        try (ServiceProcess first = ServiceProcess.start("seed-first", database.config())) {
            JsonPath ready = first.awaitReady().jsonPath();
            assertThat(ready.getInt(SEED_CHECK + ".data.rows")).isEqualTo(rows);
            assertThat(ready.getInt(SEED_CHECK + ".data.inserted")).isEqualTo(rows);
            assertThat(ready.getBoolean(SEED_CHECK + ".data.skippedByChecksum")).isFalse();
            assertThat(first.terminate(STOP_LIMIT)).isIn(STOPPED_BY_SIGTERM);
        }
        assertThat(database.queryLong("SELECT count(*) FROM ai_model_prices")).isEqualTo(rows);
        long seedsRecorded = database.queryLong("SELECT count(*) FROM ai_model_price_seeds");

        try (ServiceProcess second = ServiceProcess.start("seed-second", database.config())) {
            JsonPath ready = second.awaitReady().jsonPath();
            assertThat(ready.getBoolean(SEED_CHECK + ".data.skippedByChecksum")).isTrue();
            assertThat(ready.getInt(SEED_CHECK + ".data.inserted")).isZero();
            assertThat(ready.getInt(SEED_CHECK + ".data.updated")).isZero();
            assertThat(second.output()).contains("skipped-by-checksum=true");
            assertThat(second.terminate(STOP_LIMIT)).isIn(STOPPED_BY_SIGTERM);
        }
        // The skip wrote nothing: no second record of the same seed.
        assertThat(database.queryLong("SELECT count(*) FROM ai_model_price_seeds"))
                .isEqualTo(seedsRecorded);
    }

    @Test
    void aSeedFileThatFailsValidationKeepsTheServiceLiveButNeverReady() throws IOException {
        Path seed = Files.createTempFile("invalid-price-seed", ".json");
        Files.writeString(seed, """
                [
                  {"provider": "anthropic", "model": "claude-x", "input_price": 3000000, "output_price": 15000000,
                   "cache_read_price": null, "cache_write_price": null},
                  {"provider": "openai", "model": "gpt-x", "input_price": 1000, "output_price": -2000,
                   "cache_read_price": 0, "cache_write_price": null}
                ]
                """, StandardCharsets.UTF_8);
        Map<String, String> config = new HashMap<>(ItDatabase.fresh().config());
        config.put("coder-users.price-book.seed-file", seed.toString());

        try (ServiceProcess service = ServiceProcess.start("seed-invalid", config)) {
            JsonPath failed = service.awaitReadiness(
                            answer -> "failed".equals(answer.jsonPath().getString(SEED_CHECK + ".data.phase")),
                            "refusing the seed")
                    .jsonPath();
            assertThat(failed.getString("status")).isEqualTo("DOWN");
            assertThat(failed.getString(SEED_CHECK + ".data.reason"))
                    .contains("row 2 (openai/gpt-x)")
                    .contains("field \"output_price\"")
                    .contains("must not be negative");
            service.request().get("/q/health/ready").then().statusCode(503);
            service.request().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
            service.request()
                    .get("/api/v2/users/first")
                    .then()
                    .statusCode(503)
                    .header("Retry-After", "1")
                    .body(
                            "message",
                            equalTo("The service is starting and cannot answer yet. Please try again shortly."));
            assertThat(service.terminate(STOP_LIMIT)).isIn(STOPPED_BY_SIGTERM);
        } finally {
            Files.deleteIfExists(seed);
        }
    }

    @Test
    void sigtermStopsTheServiceCleanly() {
        try (ServiceProcess service =
                ServiceProcess.start("sigterm", ItDatabase.fresh().config())) {
            service.awaitReady();
            service.request().get("/api/v2/users/first").then().statusCode(404);

            int status = service.terminate(STOP_LIMIT);

            String output = service.output();
            assertThat(status)
                    .as("exit status after SIGTERM; output:%n%s", output)
                    .isIn(STOPPED_BY_SIGTERM);
            assertThat(output).contains("coder-users stopped in");
            assertThat(output).doesNotContain("ERROR").doesNotContain("Exception");
        }
    }
}
