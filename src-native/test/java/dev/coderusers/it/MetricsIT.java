package dev.coderusers.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coderusers.testsupport.Poll;
import dev.coderusers.testsupport.PrometheusText;
import dev.coderusers.testsupport.Promtool;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code /q/metrics} of the packaged service (the jar, or the native binary with {@code -Dnative}) on a database of
 * its own, after a few requests: the process has counted only these, so the values are exact. What this proves
 * against the native binary is that Micrometer, its Prometheus registry and the service's meters work there, and
 * that the exposition still passes {@code promtool check metrics}.
 */
@QuarkusIntegrationTest
@WithTestResource(value = FreshDatabase.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class MetricsIT {

    static final String PASSWORD = "SomeSecurePassword!";

    @Test
    void aFewRequestsAreCountedAndTheExpositionPassesPromtool() throws IOException {
        Readiness.awaitReady();
        given().contentType(ContentType.JSON)
                .body(Map.of("email", "admin@example.com", "username", "admin", "password", PASSWORD))
                .post("/api/v2/users/first")
                .then()
                .statusCode(201);
        String token = login(PASSWORD).then().statusCode(201).extract().path("session_token");
        login("wrong-password").then().statusCode(401);
        given().header("Coder-Session-Token", token)
                .get("/api/v2/users/admin")
                .then()
                .statusCode(200);
        given().header("Coder-Session-Token", token)
                .get("/api/v2/users/me")
                .then()
                .statusCode(200);

        // The user counts are taken in the background of a scrape and shown by a later one.
        PrometheusText metrics = Poll.until(
                "the user counts",
                Duration.ofSeconds(60),
                MetricsIT::scrape,
                text -> text.value("coder_users_users", Map.of("status", "active"))
                                .orElse(Double.NaN)
                        == 1);

        assertThat(metrics.value("coder_users_sign_ins_total", Map.of("method", "password", "outcome", "success")))
                .hasValue(1);
        assertThat(metrics.value(
                        "coder_users_sign_ins_total", Map.of("method", "password", "outcome", "bad_credentials")))
                .hasValue(1);
        assertThat(metrics.value("coder_users_sessions_created_total", Map.of("login_type", "password")))
                .hasValue(1);
        assertThat(metrics.value(
                        "http_server_requests_seconds_count",
                        Map.of("method", "GET", "uri", "/api/v2/users/{user}", "status", "200")))
                .hasValue(2);
        assertThat(metrics.value("coder_users_users", Map.of("status", "dormant")))
                .hasValue(0);
        assertThat(metrics.value("coder_users_startup_phase", Map.of("phase", "ready")))
                .hasValue(1);
        int seedRows = new ObjectMapper()
                .readTree(Path.of("seed/ai-model-prices.json").toFile())
                .size();
        assertThat(metrics.value("coder_users_price_book_seed_rows", Map.of("change", "inserted")))
                .hasValue(seedRows);
        assertThat(metrics.samples("coder_users_price_book_seed_info"))
                .singleElement()
                .satisfies(info -> assertThat(info.labels())
                        .containsEntry("skipped_by_checksum", "false")
                        .containsKey("checksum"));
        assertThat(metrics.value("agroal_connections_active", Map.of("datasource", "default")))
                .isPresent();
        for (String series : List.of("process_uptime_seconds", "jvm_threads_live_threads")) {
            assertThat(metrics.samples(series)).as(series).isNotEmpty();
        }
        assertThat(metrics.text()).doesNotContain(token).doesNotContain("admin@example.com");

        Promtool.assertAccepts(metrics.text());
    }

    static PrometheusText scrape() {
        return PrometheusText.parse(given().accept("text/plain")
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }

    private static io.restassured.response.Response login(String password) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("email", "admin@example.com", "password", password))
                .post("/api/v2/users/login");
    }
}
