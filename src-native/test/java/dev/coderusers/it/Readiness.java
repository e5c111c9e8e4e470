package dev.coderusers.it;

import static io.restassured.RestAssured.given;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * Waits on {@code /q/health/ready} of the service under test. The database start-up runs in the background
 * after the HTTP server is up, so a test that needs the database waits for it here first. This bounds a wait;
 * it asserts nothing about how long the start takes.
 */
public final class Readiness {

    /** The seed check in the readiness answer. */
    public static final String SEED_CHECK = "checks.find { it.name == 'ai-model-price-seed' }";

    private static final Duration LIMIT = Duration.ofSeconds(90);
    private static final Duration POLL = Duration.ofMillis(100);

    private Readiness() {}

    /** Waits until the service is ready: migrated and seeded. */
    public static ExtractableResponse<Response> awaitReady() {
        return awaitUntil(answer -> answer.statusCode() == 200, "ready");
    }

    /** Waits until the readiness answer satisfies {@code condition}; returns that answer. */
    public static ExtractableResponse<Response> awaitUntil(
            Predicate<ExtractableResponse<Response>> condition, String what) {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (true) {
            ExtractableResponse<Response> answer =
                    given().when().get("/q/health/ready").then().extract();
            if (condition.test(answer)) {
                return answer;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("The service's readiness was not " + what + " within " + LIMIT
                        + "; last answer " + answer.statusCode() + ": " + answer.asString());
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for readiness " + what, e);
            }
        }
    }
}
