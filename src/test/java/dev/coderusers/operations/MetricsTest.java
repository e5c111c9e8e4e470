package dev.coderusers.operations;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coderusers.config.PriceBookConfig;
import dev.coderusers.modelprice.PriceSeed;
import dev.coderusers.testsupport.OperationsDocs;
import dev.coderusers.testsupport.Poll;
import dev.coderusers.testsupport.PrometheusText;
import dev.coderusers.testsupport.Promtool;
import dev.coderusers.testsupport.TestUsers;
import dev.coderusers.testsupport.TestUsers.TestUser;
import dev.coderusers.user.UserStatus;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code /q/metrics} after a scripted session: the service's own series move by exactly what the session did,
 * HTTP server metrics carry route templates and nothing of a user, the pool, JVM, start-up and price book series
 * are there, and Prometheus' own {@code promtool check metrics} accepts the whole exposition.
 */
@QuarkusTest
@TestProfile(OperationsProfile.class)
class MetricsTest {

    static final String PASSWORD = TestUsers.PASSWORD;

    /** The uri labels Quarkus gives requests that matched no route. */
    static final Set<String> UNMATCHED = Set.of("NOT_FOUND", "REDIRECTION", "UNKNOWN", "root");

    @Inject
    TestUsers testUsers;

    @Inject
    EntityManager entityManager;

    /**
     * The plain text format (0.0.4), as {@code promtool check metrics} reads it; without {@code text/plain} in
     * Accept, Quarkus answers OpenMetrics.
     */
    static PrometheusText scrape() {
        String text = given().accept("text/plain")
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        return PrometheusText.parse(text);
    }

    @Test
    void aSessionMovesTheServicesOwnSeriesByWhatItDid() {
        TestUser alice = testUsers.create("metrics-alice");
        TestUser sam = testUsers.create("metrics-sam", UserStatus.SUSPENDED);
        TestUser rita = testUsers.create("metrics-rita");
        TestUser bob = testUsers.create("metrics-bob");
        testUsers.newSession(bob.id());
        // The login limit counts per user when a request carries a session, else per address: a caller of its own
        // keeps these attempts apart from every other test's.
        TestUser caller = testUsers.create("metrics-caller");
        PrometheusText before = scrape();

        // Sign-ins: one success, one wrong password, one suspended account.
        String session = login(alice.email(), PASSWORD, caller.token())
                .then()
                .statusCode(201)
                .extract()
                .path("session_token");
        login(alice.email(), "not-the-password", caller.token()).then().statusCode(401);
        login(sam.email(), PASSWORD, caller.token()).then().statusCode(401);
        // Rita's session makes her the limited subject: the limit's worth of attempts, then a refusal.
        for (int i = 0; i < OperationsProfile.LOGIN_LIMIT; i++) {
            login("nobody@example.com", "wrong", rita.token()).then().statusCode(401);
        }
        login("nobody@example.com", "wrong", rita.token()).then().statusCode(429);

        // A token created and revoked, a sign-out, a password change that ends bob's two sessions.
        String tokenName = "metrics-ci";
        given().header("Coder-Session-Token", session)
                .contentType(ContentType.JSON)
                .body(Map.of("token_name", tokenName, "lifetime", 3_600_000_000_000L))
                .post("/api/v2/users/me/keys/tokens")
                .then()
                .statusCode(201);
        String tokenId = given().header("Coder-Session-Token", session)
                .get("/api/v2/users/me/keys/tokens/" + tokenName)
                .then()
                .statusCode(200)
                .extract()
                .path("id");
        given().header("Coder-Session-Token", session)
                .delete("/api/v2/users/me/keys/" + tokenId)
                .then()
                .statusCode(204);
        given().header("Coder-Session-Token", session)
                .get("/api/v2/users/" + alice.username())
                .then()
                .statusCode(200);
        given().header("Coder-Session-Token", session)
                .post("/api/v2/users/logout")
                .then()
                .statusCode(200);
        given().header("Coder-Session-Token", bob.token())
                .contentType(ContentType.JSON)
                .body(Map.of("old_password", PASSWORD, "password", "AnotherSecurePassword?42"))
                .put("/api/v2/users/me/password")
                .then()
                .statusCode(204);
        given().get("/api/v2/no-such-route/" + alice.username()).then().statusCode(404);

        PrometheusText after = scrape();

        assertThat(delta(before, after, "coder_users_sign_ins_total", "method", "password", "outcome", "success"))
                .isEqualTo(1);
        assertThat(delta(
                        before,
                        after,
                        "coder_users_sign_ins_total",
                        "method",
                        "password",
                        "outcome",
                        "bad_credentials"))
                .isEqualTo(1 + OperationsProfile.LOGIN_LIMIT);
        assertThat(delta(before, after, "coder_users_sign_ins_total", "method", "password", "outcome", "suspended"))
                .isEqualTo(1);
        assertThat(delta(before, after, "coder_users_sign_ins_total", "method", "password", "outcome", "rate_limited"))
                .isEqualTo(1);
        assertThat(delta(
                        before,
                        after,
                        "coder_users_login_rate_limit_refusals_total",
                        "operation",
                        "POST /api/v2/users/login"))
                .isEqualTo(1);
        // Every method and outcome is a series from the start, so that a rate sees the first event.
        assertThat(after.samples("coder_users_sign_ins_total")).hasSize(3 * 7);

        assertThat(delta(before, after, "coder_users_sessions_created_total", "login_type", "password"))
                .isEqualTo(1);
        assertThat(delta(before, after, "coder_users_sessions_deleted_total", "login_type", "password"))
                .as("alice's sign-out, and bob's two sessions ended by his password change")
                .isEqualTo(3);
        assertThat(delta(before, after, "coder_users_tokens_created_total")).isEqualTo(1);
        assertThat(delta(before, after, "coder_users_tokens_deleted_total")).isEqualTo(1);
        assertThat(after.value("coder_users_sessions_created_total", Map.of("login_type", "github")))
                .isPresent();

        assertThat(delta(
                        before,
                        after,
                        "http_server_requests_seconds_count",
                        "method",
                        "GET",
                        "uri",
                        "/api/v2/users/{user}",
                        "status",
                        "200"))
                .isEqualTo(1);
        assertThat(delta(
                        before,
                        after,
                        "http_server_requests_seconds_count",
                        "method",
                        "DELETE",
                        "uri",
                        "/api/v2/users/{user}/keys/{keyid}",
                        "status",
                        "204"))
                .isEqualTo(1);
        assertThat(delta(
                        before,
                        after,
                        "http_server_requests_seconds_count",
                        "method",
                        "GET",
                        "uri",
                        "NOT_FOUND",
                        "status",
                        "404"))
                .isEqualTo(1);
        assertThat(after.type("http_server_requests_seconds")).contains("histogram");

        // Every metric family of the exposition is documented in the README, and every documented one is there.
        Set<String> documented = OperationsDocs.documentedMetrics();
        Set<String> exposed = after.text()
                .lines()
                .filter(line -> line.startsWith("# TYPE "))
                .map(line -> line.split(" ")[2])
                .collect(Collectors.toCollection(TreeSet::new));
        // Micrometer registers the GC pause timer at the first collection, which a short test JVM may not have had.
        Set<String> expected = new TreeSet<>(documented);
        if (!exposed.contains("jvm_gc_pause_seconds")) {
            expected.removeAll(Set.of("jvm_gc_pause_seconds", "jvm_gc_pause_seconds_max"));
        }
        assertThat(expected)
                .as("README \"Operations\" lists exactly the exposed metrics")
                .isEqualTo(exposed);

        // Nothing of a user or a token in any label: no name, email, id, token or key id.
        List<String> secrets = List.of(
                alice.username(), alice.email(), alice.id().toString(), session, tokenId, rita.token(), "metrics-");
        assertThat(after.samples())
                .allSatisfy(sample -> assertThat(sample.labels().values())
                        .allSatisfy(value -> assertThat(value).doesNotContain(secrets)));
    }

    @Test
    void everyHttpUriLabelIsARouteTemplate() {
        given().get("/api/v2/users/some-user-name").then().statusCode(401);
        given().get("/api/v2/users/some-user-name/" + "x".repeat(40)).then().statusCode(404);
        Set<String> templates = given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .<String, Object>getMap("paths")
                .keySet();

        Set<String> uris = scrape().samples().stream()
                .filter(sample -> sample.name().startsWith("http_server_requests_seconds"))
                .map(sample -> sample.labels().get("uri"))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(uris).contains("/api/v2/users/{user}").doesNotContain("/api/v2/users/some-user-name");
        assertThat(uris)
                .allSatisfy(uri -> assertThat(templates.contains(uri) || UNMATCHED.contains(uri))
                        .as("uri label %s is a route of the OpenAPI document or an unmatched marker", uri)
                        .isTrue());
    }

    @Test
    void userCountsMatchTheDatabase() {
        testUsers.create("metrics-dora", UserStatus.DORMANT);
        testUsers.create("metrics-suzy", UserStatus.SUSPENDED);
        Map<String, Long> stored = storedCounts();

        // Counts are taken in the background of a scrape and shown by a later one.
        PrometheusText counted = Poll.until(
                "the user counts of the database",
                Duration.ofSeconds(30),
                MetricsTest::scrape,
                text -> List.of("active", "dormant", "suspended").stream()
                        .allMatch(status -> text.value("coder_users_users", Map.of("status", status))
                                        .orElse(Double.NaN)
                                == stored.getOrDefault(status, 0L)));

        assertThat(counted.samples("coder_users_users")).hasSize(3);
        assertThat(counted.type("coder_users_users")).contains("gauge");
    }

    @Test
    void startUpPriceBookPoolAndJvmSeriesAreThere() throws Exception {
        PriceSeed seed;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(PriceBookConfig.EMBEDDED_SEED)) {
            seed = PriceSeed.parse(PriceBookConfig.EMBEDDED_SEED, in.readAllBytes());
        }
        PrometheusText metrics = scrape();

        assertThat(metrics.value("coder_users_startup_phase", Map.of("phase", "ready")))
                .hasValue(1);
        for (String phase : List.of("starting", "waiting_for_database", "failed")) {
            assertThat(metrics.value("coder_users_startup_phase", Map.of("phase", phase)))
                    .hasValue(0);
        }
        double rows = List.of("inserted", "updated", "unchanged").stream()
                .mapToDouble(change -> metrics.value("coder_users_price_book_seed_rows", Map.of("change", change))
                        .orElseThrow())
                .sum();
        assertThat(rows).isEqualTo(seed.rows().size());
        assertThat(metrics.samples("coder_users_price_book_seed_info"))
                .singleElement()
                .satisfies(info -> {
                    assertThat(info.labels()).containsEntry("checksum", seed.checksum());
                    assertThat(info.labels()).containsKey("skipped_by_checksum");
                    assertThat(info.value()).isEqualTo(1);
                });
        double appliedAt = metrics.value("coder_users_price_book_seed_timestamp_seconds", Map.of())
                .orElseThrow();
        assertThat(appliedAt).isPositive().isLessThanOrEqualTo(Instant.now().getEpochSecond() + 1);
        assertThat(metrics.value("coder_users_price_book_seed_duration_seconds", Map.of()))
                .isPresent();

        assertThat(metrics.value("agroal_connections_active", Map.of("datasource", "default")))
                .isPresent();
        assertThat(metrics.value("agroal_connections_max_used", Map.of("datasource", "default")))
                .isPresent();
        assertThat(metrics.samples("jvm_memory_used_bytes")).isNotEmpty();
        assertThat(metrics.samples("jvm_threads_live_threads")).isNotEmpty();
        assertThat(metrics.samples("process_uptime_seconds")).isNotEmpty();
    }

    @Test
    void promtoolAcceptsTheExposition() {
        // Some traffic first, so that HTTP series with their labels are in the exposition.
        given().get("/api/v2/users/me").then().statusCode(401);
        given().get("/api/v2/users/authmethods").then().statusCode(200);

        Promtool.assertAccepts(scrape().text());
    }

    private Map<String, Long> storedCounts() {
        List<Object[]> rows = entityManager
                .createNativeQuery("SELECT CAST(status AS text), count(*) FROM users WHERE NOT deleted AND NOT"
                        + " is_system GROUP BY status")
                .getResultList();
        return rows.stream().collect(Collectors.toMap(row -> (String) row[0], row -> ((Number) row[1]).longValue()));
    }

    private static io.restassured.response.Response login(String email, String password, String token) {
        var request = given().contentType(ContentType.JSON).body(Map.of("email", email, "password", password));
        if (token != null) {
            request = request.header("Coder-Session-Token", token);
        }
        return request.post("/api/v2/users/login");
    }

    /** How much a series grew between two scrapes (a counter that did not exist yet counts from 0). */
    private static double delta(PrometheusText before, PrometheusText after, String name, String... labels) {
        Map<String, String> wanted = new java.util.HashMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            wanted.put(labels[i], labels[i + 1]);
        }
        return after.valueOrZero(name, wanted) - before.valueOrZero(name, wanted);
    }
}
