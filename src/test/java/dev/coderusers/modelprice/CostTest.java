package dev.coderusers.modelprice;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coderusers.testsupport.ApiMessages;
import dev.coderusers.testsupport.TestUsers;
import dev.coderusers.user.UserStatus;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /api/v2/ai-model-prices/cost}. */
@QuarkusTest
class CostTest {

    private static final String COST = "/api/v2/ai-model-prices/cost";

    @Inject
    TestUsers testUsers;

    @Inject
    PriceBookState state;

    Map<String, TestUsers.TestUser> callers;
    MovableClock clock;

    @BeforeEach
    void callers() {
        testUsers.deleteAll();
        callers = testUsers.oneOfEachRole();
        clock = MovableClock.install();
    }

    @AfterEach
    void resetThePriceBook() throws Exception {
        clock.real();
        state.reset();
    }

    private static String usage(String model, long input, long output, long cacheRead, long cacheWrite, String extra) {
        String[] providerAndModel = model.split("/", 2);
        return String.format(
                "{\"provider\": \"%s\", \"model\": \"%s\", \"input_tokens\": %d, \"output_tokens\": %d,"
                        + " \"cache_read_tokens\": %d, \"cache_write_tokens\": %d%s}",
                providerAndModel[0], providerAndModel[1], input, output, cacheRead, cacheWrite, extra);
    }

    private static String body(String... usages) {
        return body(List.of(usages));
    }

    private static String body(List<String> usages) {
        return "{\"usages\": [" + String.join(", ", usages) + "]}";
    }

    private ValidatableResponse price(String role, String body) {
        return given().header("Coder-Session-Token", callers.get(role).token())
                .contentType(ContentType.JSON)
                .body(body)
                .post(COST)
                .then();
    }

    @Test
    void usageIsPricedWithTheSeedsTierAndModeInExactMicroUsd() {
        Instant now = Instant.parse("2026-12-31T12:00:00Z");
        clock.set(now);

        price(
                        "member",
                        body(
                                usage("openai/gpt-5.4", 1_200_000, 80_000, 0, 0, ""),
                                usage("openai/gpt-5.4", 100_000, 1_000, 1_001, 0, ""),
                                usage("anthropic/claude-opus-4-7", 1_000, 100, 0, 10, ", \"mode\": \"fast\"")))
                .statusCode(200)
                .body("priced_at", equalTo("2026-12-31T12:00:00Z"))
                .body("results", hasSize(3))
                // Above 272 000 input tokens: the tier's $5 / $22.50 per MTok for the whole request.
                .body("results[0].tier_above_input_tokens", equalTo(272_000))
                .body("results[0].input_micros", equalTo(6_000_000))
                .body("results[0].output_micros", equalTo(1_800_000))
                .body("results[0].cache_write_micros", equalTo(0))
                .body("results[0].total_micros", equalTo(7_800_000))
                .body("results[0].source", equalTo("seed"))
                .body("results[0].at", equalTo("2026-12-31T12:00:00Z"))
                .body("results[0].unpriced", empty())
                // Below it: the base prices; 1 001 cached tokens at $0.25/MTok are 250.25 micro-USD, exactly.
                .body("results[1].tier_above_input_tokens", nullValue())
                .body("results[1].input_micros", equalTo(250_000))
                .body("results[1].output_micros", equalTo(15_000))
                .body("results[1].cache_read_micros", equalTo(250.25f))
                .body("results[1].total_micros", equalTo(265_250))
                // Fast mode: $30 / $150 / $37.50 per MTok.
                .body("results[2].mode", equalTo("fast"))
                .body("results[2].input_micros", equalTo(30_000))
                .body("results[2].output_micros", equalTo(15_000))
                .body("results[2].cache_write_micros", equalTo(375))
                .body("results[2].total_micros", equalTo(45_375))
                .body("total_micros", equalTo(7_800_000 + 265_250 + 45_375))
                .body("unpriced_usages", equalTo(0));
    }

    @Test
    void theExactComponentsAreWrittenAsDecimalTextNotFloats() {
        String json = price("member", body(usage("openai/gpt-5.4", 0, 0, 1_001, 0, "")))
                .statusCode(200)
                .extract()
                .asString();

        assertThat(json).contains("\"cache_read_micros\":250.25,").contains("\"total_micros\":250,");
    }

    @Test
    void anUnknownPriceIsNullWithAReasonAndTheTotalsSaySo() {
        price(
                        "member",
                        body(
                                usage("openai/gpt-4", 1_000, 1_000, 10, 0, ""),
                                usage("acme/unknown-model", 1, 0, 0, 0, ""),
                                usage("openai/gpt-5.4", 1, 0, 0, 0, ", \"mode\": \"turbo\""),
                                usage("openai/gpt-4o", 1_000, 0, 0, 0, "")))
                .statusCode(200)
                .body("results[0].cache_read_micros", nullValue())
                .body("results[0].input_micros", equalTo(30_000))
                .body("results[0].total_micros", nullValue())
                .body("results[0].unpriced[0].component", equalTo("cache_read"))
                .body("results[0].unpriced[0].reason", equalTo("the cache_read price of openai/gpt-4 is unknown"))
                .body("results[1].source", nullValue())
                .body("results[1].unpriced[0].reason", equalTo("no price is known for acme/unknown-model"))
                .body(
                        "results[2].unpriced[0].reason",
                        equalTo("openai/gpt-5.4 has no mode \"turbo\" (its modes: fast)"))
                .body("results[3].total_micros", equalTo(2_500))
                .body("total_micros", nullValue())
                .body("unpriced_usages", equalTo(3));
    }

    @Test
    void thePriceInForceAtEachUsagesTimeIsUsed() {
        clock.set(Instant.parse("2027-01-01T00:00:00Z"));
        given().header("Coder-Session-Token", callers.get("owner").token())
                .contentType(ContentType.JSON)
                .body("{\"input_price\": 1000000, \"output_price\": 2000000, \"cache_read_price\": null,"
                        + " \"cache_write_price\": null}")
                .put("/api/v2/ai-model-prices/acme/negotiated")
                .then()
                .statusCode(200);
        clock.set(Instant.parse("2027-03-01T00:00:00Z"));
        given().header("Coder-Session-Token", callers.get("owner").token())
                .delete("/api/v2/ai-model-prices/acme/negotiated")
                .then()
                .statusCode(204);
        clock.set(Instant.parse("2027-04-01T00:00:00Z"));

        price(
                        "auditor",
                        body(
                                usage("acme/negotiated", 1_000_000, 0, 0, 0, ", \"at\": \"2026-12-31T23:59:59Z\""),
                                usage("acme/negotiated", 1_000_000, 0, 0, 0, ", \"at\": \"2027-01-01T00:00:00Z\""),
                                usage(
                                        "acme/negotiated",
                                        1_000_000,
                                        0,
                                        0,
                                        0,
                                        ", \"at\": \"2027-02-28T23:59:59.999999+01:00\""),
                                usage("acme/negotiated", 1_000_000, 0, 0, 0, "")))
                .statusCode(200)
                .body("results.total_micros", contains(null, 1_000_000, 1_000_000, null))
                .body("results[1].price_since", equalTo("2027-01-01T00:00:00Z"))
                .body("results[1].source", equalTo("owner"))
                .body("results[2].at", equalTo("2027-02-28T22:59:59.999999Z"))
                .body("results[3].at", equalTo("2027-04-01T00:00:00Z"))
                .body(
                        "results[0].unpriced[0].reason",
                        equalTo("no price of acme/negotiated was in force at 2026-12-31T23:59:59Z; the first took"
                                + " effect at 2027-01-01T00:00:00Z"));
    }

    @Test
    void aBatchOfTenThousandIsPricedWithTheStatementsOfOneUsage() throws Exception {
        List<String> models = List.of("openai/gpt-5.4", "openai/gpt-4o", "anthropic/claude-opus-4-7", "openai/o3");
        List<String> usages = new ArrayList<>();
        for (int i = 0; i < CostService.MAX_USAGES; i++) {
            String model = models.get(i % models.size());
            usages.add(usage(model, 1_000 + i, 100 + i % 7, i % 3, 0, ""));
        }
        // The first request of a session also records its use; the ones after it are what every request costs.
        price("member", body(usage("openai/gpt-5.4", 1, 1, 0, 0, ""))).statusCode(200);
        int one;
        try (JdbcStatements statements = JdbcStatements.count()) {
            price("member", body(usage("openai/gpt-5.4", 1, 1, 0, 0, ""))).statusCode(200);
            one = statements.executed();
        }
        ValidatableResponse batch;
        int many;
        try (JdbcStatements statements = JdbcStatements.count()) {
            batch = price("member", body(usages)).statusCode(200);
            many = statements.executed();
        }

        // The statements of authentication and one query for the prices, however many usages and models.
        assertThat(one).isPositive();
        assertThat(many).isEqualTo(one);
        // Read with Jackson: Groovy's JSON path is slow on an answer of 10 000 results.
        JsonNode answer = new ObjectMapper().readTree(batch.extract().asByteArray());
        assertThat(answer.path("results")).hasSize(CostService.MAX_USAGES);
        assertThat(answer.path("unpriced_usages").asInt()).isZero();
        long sum = 0;
        for (JsonNode result : answer.path("results")) {
            sum += result.path("total_micros").longValue();
        }
        assertThat(answer.path("total_micros").longValue()).isEqualTo(sum);
        // Spot check, exactly: usage 9 999 is o3 ($2 / $8 per MTok) with 10 999 input, 100 + 9 999 % 7 = 103
        // output and 9 999 % 3 = 0 cached tokens: 21 998 + 824 = 22 822 micro-USD.
        JsonNode last = answer.path("results").path(9_999);
        assertThat(last.path("model").asText()).isEqualTo("o3");
        assertThat(last.path("total_micros").longValue()).isEqualTo(22_822);
    }

    @Test
    void everySignedInUserMayPriceUsage() {
        for (String role : callers.keySet()) {
            price(role, body(usage("openai/gpt-4o", 1, 1, 0, 0, ""))).statusCode(200);
        }
    }

    @Test
    void aSuspendedUsersSessionPricesNothing() {
        given().header(
                        "Coder-Session-Token",
                        testUsers.create("suspended", UserStatus.SUSPENDED).token())
                .contentType(ContentType.JSON)
                .body(body(usage("openai/gpt-4o", 1, 1, 0, 0, "")))
                .post(COST)
                .then()
                .statusCode(401);
    }

    @Test
    void pricingNeedsASession() {
        given().contentType(ContentType.JSON)
                .body(body(usage("openai/gpt-4o", 1, 1, 0, 0, "")))
                .post(COST)
                .then()
                .statusCode(401)
                .body("message", equalTo(ApiMessages.SIGNED_OUT));
    }

    @Test
    void anEmptyOrTooLargeBatchIsRefused() {
        price("member", "{\"usages\": []}")
                .statusCode(400)
                .body("message", equalTo("Invalid usage."))
                .body("validations[0].field", equalTo("usages"))
                .body("validations[0].detail", equalTo("at least one usage is required (at most 10000)"));
        price("member", "{}").statusCode(400).body("validations[0].field", equalTo("usages"));
        String usage = usage("openai/gpt-4o", 1, 1, 0, 0, "");
        price(
                        "member",
                        body(IntStream.range(0, CostService.MAX_USAGES + 1)
                                .mapToObj(i -> usage)
                                .toList()))
                .statusCode(400)
                .body("validations[0].detail", equalTo("at most 10000 usages per request, got 10001; split the batch"));
        given().header("Coder-Session-Token", callers.get("member").token())
                .contentType(ContentType.JSON)
                .post(COST)
                .then()
                .statusCode(400)
                .body("message", equalTo("Request body must be valid JSON."))
                .body("detail", equalTo("EOF"));
    }

    @Test
    void invalidUsagesAreRefusedNamingEachFieldWithItsIndex() {
        price(
                        "member",
                        body(
                                usage("openai/gpt-4o", 1, 1, 0, 0, ""),
                                "{\"provider\": \"open\\u0007ai\", \"model\": \"\", \"input_tokens\": -1, \"output_tokens\": 1,"
                                        + " \"cache_read_tokens\": 0, \"mode\": \"\"}"))
                .statusCode(400)
                .body("message", equalTo("Invalid usage."))
                .body(
                        "validations.field",
                        contains(
                                "usages[1].provider",
                                "usages[1].model",
                                "usages[1].input_tokens",
                                "usages[1].cache_write_tokens",
                                "usages[1].mode"))
                .body(
                        "validations.detail",
                        contains(
                                "provider must not contain control characters (U+0007)",
                                "model is required",
                                "input_tokens must not be negative, got -1",
                                "cache_write_tokens is required (0 when none were used)",
                                "mode must not be empty; leave it out for the model's base prices"));
        price("member", body(usage("openai/gpt-4o", 1, 1, 0, 0, ", \"at\": \"yesterday\"")))
                .statusCode(400)
                .body("message", equalTo("Request body must be valid JSON."));
        price(
                        "member",
                        body(usage("openai/gpt-4o", 1, 1, 0, 0, "")
                                .replace("\"input_tokens\": 1", "\"input_tokens\": 1.5")))
                .statusCode(400)
                .body("message", equalTo("Request body must be valid JSON."));
    }

    @Test
    void aBatchOfBadUsagesListsTheFirstFiftyProblemsAndCountsThemAll() {
        String bad = "{\"provider\": \"openai\", \"model\": \"gpt-4o\", \"input_tokens\": -1, \"output_tokens\": -1,"
                + " \"cache_read_tokens\": 0, \"cache_write_tokens\": 0}";
        price("member", body(IntStream.range(0, 100).mapToObj(i -> bad).collect(Collectors.toList())))
                .statusCode(400)
                .body("validations", hasSize(50))
                .body("detail", equalTo("200 problems; the first 50 are listed."));
    }
}
