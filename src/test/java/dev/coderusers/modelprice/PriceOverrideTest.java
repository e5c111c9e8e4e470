package dev.coderusers.modelprice;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.coderusers.testsupport.ApiMessages;
import dev.coderusers.testsupport.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Owners' prices: {@code PUT} and {@code DELETE /api/v2/ai-model-prices/{provider}/{model}}. */
@QuarkusTest
class PriceOverrideTest {

    private static final String PRICES = "/api/v2/ai-model-prices";

    /** Coder's detail of every 403 "Forbidden.", written out so that a change of it fails here. */
    private static final String FORBIDDEN_DETAIL = "You don't have permission to view this content. If you believe"
            + " this is a mistake, please contact your administrator or try signing in with different credentials.";

    /** A negotiated price list: base prices, a tier above 200 000 input tokens and a fast mode. */
    private static final String NEGOTIATED = """
            {"input_price": 2000000, "output_price": 8000000, "cache_read_price": 200000, "cache_write_price": null,
             "tiers": [{"above_input_tokens": 200000, "input_price": 4000000, "output_price": 12000000,
                        "cache_read_price": 400000, "cache_write_price": null}],
             "modes": {"fast": {"input_price": 4000000, "output_price": 16000000, "cache_read_price": null,
                                "cache_write_price": null}}}""";

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

    private String token(String role) {
        return callers.get(role).token();
    }

    private ValidatableResponse put(String role, String path, String body) {
        return given().header("Coder-Session-Token", token(role))
                .contentType(ContentType.JSON)
                .body(body)
                .put(PRICES + path)
                .then();
    }

    private ValidatableResponse delete(String role, String path) {
        return given().header("Coder-Session-Token", token(role))
                .delete(PRICES + path)
                .then();
    }

    private ValidatableResponse get(String path) {
        return given().header("Coder-Session-Token", token("member"))
                .get(PRICES + path)
                .then();
    }

    @Test
    void anOwnersPriceWinsOverTheSeedsForEveryReaderAndIsRecordedWithItsAuthorAndTime() throws Exception {
        Instant at = Instant.parse("2027-01-01T00:00:00Z");
        clock.set(at);

        put("owner", "/openai/gpt-4o", NEGOTIATED)
                .statusCode(200)
                .body("provider", equalTo("openai"))
                .body("model", equalTo("gpt-4o"))
                .body("source", equalTo("owner"))
                .body("input_price", equalTo(2_000_000))
                .body("cache_write_price", nullValue())
                .body("tiers", hasSize(1))
                .body("tiers[0].above_input_tokens", equalTo(200_000))
                .body("tiers[0].output_price", equalTo(12_000_000))
                .body("modes.fast.input_price", equalTo(4_000_000))
                .body("modes.fast.tiers", empty())
                .body("updated_at", equalTo("2027-01-01T00:00:00Z"));

        get("/openai/gpt-4o").statusCode(200).body("source", equalTo("owner")).body("input_price", equalTo(2_000_000));
        given().header("Coder-Session-Token", token("auditor"))
                .queryParam("provider", "openai")
                .queryParam("model", "gpt-4o")
                .get(PRICES)
                .then()
                .statusCode(200)
                .body("", hasSize(1))
                .body("[0].source", equalTo("owner"))
                .body("[0].output_price", equalTo(8_000_000));
        // The seed's own row is untouched: clearing the owner's price will bring it back.
        assertThat(state.seedRow("openai", "gpt-4o")).isEqualTo("2500000,10000000,1250000");
        given().header("Coder-Session-Token", token("member"))
                .queryParam("model", "gpt-4o")
                .queryParam("provider", "openai")
                .get(PRICES + "/history")
                .then()
                .statusCode(200)
                .body("source", contains("seed", "owner"))
                .body("[1].action", equalTo("set"))
                .body("[1].changed_by", equalTo(callers.get("owner").id().toString()))
                .body("[1].seed_checksum", nullValue())
                .body("[1].effective_at", equalTo("2027-01-01T00:00:00Z"))
                .body("[1].input_price", equalTo(2_000_000))
                .body("[1].tiers[0].above_input_tokens", equalTo(200_000))
                .body("[1].modes.fast.output_price", equalTo(16_000_000));
    }

    @Test
    void aModelTheSeedDoesNotKnowCanBePricedAndClearedAgain() throws Exception {
        // A self-hosted model whose id contains "/", as upstream ids do.
        String path = "/vllm/meta-llama/Llama-3.3-70B-Instruct";
        get(path).statusCode(404);

        put("owner", path, NEGOTIATED)
                .statusCode(200)
                .body("provider", equalTo("vllm"))
                .body("model", equalTo("meta-llama/Llama-3.3-70B-Instruct"))
                .body("source", equalTo("owner"));
        get(path).statusCode(200).body("input_price", equalTo(2_000_000));
        given().header("Coder-Session-Token", token("member"))
                .queryParam("provider", "vllm")
                .get(PRICES)
                .then()
                .statusCode(200)
                .body("model", contains("meta-llama/Llama-3.3-70B-Instruct"));

        delete("owner", path).statusCode(204);

        get(path)
                .statusCode(404)
                .body("message", equalTo("No price is known for vllm/meta-llama/Llama-3.3-70B-Instruct."));
        given().header("Coder-Session-Token", token("member"))
                .queryParam("provider", "vllm")
                .get(PRICES + "/history")
                .then()
                .statusCode(200)
                .body("action", contains("set", "cleared"))
                .body("[1].input_price", nullValue())
                .body("[1].tiers", empty());
    }

    @Test
    void aReSeedNeverOverwritesAnOwnersPriceAndClearingItReturnsToTheSeedsLatestPrice() throws Exception {
        put("owner", "/openai/gpt-4o", NEGOTIATED).statusCode(200);

        SeedOutcome outcome = state.applyChangedSeed(row -> row.key().equals("openai/gpt-4o")
                ? new PriceBookRow("openai", "gpt-4o", 2_200_000L, 9_000_000L, 1_100_000L, null)
                : row);

        assertThat(outcome.updated()).isEqualTo(1);
        // The seed keeps its own row up to date, but the owner's price stays in force.
        assertThat(state.seedRow("openai", "gpt-4o")).isEqualTo("2200000,9000000,1100000");
        get("/openai/gpt-4o").statusCode(200).body("source", equalTo("owner")).body("input_price", equalTo(2_000_000));

        delete("owner", "/openai/gpt-4o").statusCode(204);

        get("/openai/gpt-4o")
                .statusCode(200)
                .body("source", equalTo("seed"))
                .body("input_price", equalTo(2_200_000))
                .body("output_price", equalTo(9_000_000))
                .body("tiers", empty())
                .body("modes.size()", equalTo(0));
        assertThat(state.count("SELECT count(*) FROM ai_model_price_overrides")).isZero();
    }

    @Test
    void providersNamedLikeTheSubResourcesAreModelsLikeAnyOther() {
        for (String provider : new String[] {"cost", "history"}) {
            put("owner", "/" + provider + "/x", NEGOTIATED).statusCode(200).body("provider", equalTo(provider));
            get("/" + provider + "/x").statusCode(200).body("model", equalTo("x"));
            delete("owner", "/" + provider + "/x").statusCode(204);
        }
    }

    @Test
    void settingTheSamePricesAgainRecordsNoSecondChange() throws Exception {
        String first = put("owner", "/openai/gpt-4o", NEGOTIATED)
                .statusCode(200)
                .extract()
                .path("updated_at");
        clock.set(Instant.parse("2027-02-01T00:00:00Z"));

        put("owner", "/openai/gpt-4o", NEGOTIATED.replace("\n", " ")).statusCode(200);

        assertThat(state.count(
                        "SELECT count(*) FROM ai_model_price_history WHERE source = 'owner' AND model = 'gpt-4o'"))
                .isEqualTo(1);
        get("/openai/gpt-4o").statusCode(200).body("updated_at", equalTo(first));
    }

    @Test
    void clearingWhereNoOwnersPriceIsSetIsNotFound() {
        delete("owner", "/openai/gpt-4o")
                .statusCode(404)
                .body("message", equalTo("No owner's price is set for openai/gpt-4o."));
    }

    @Test
    void settingAndClearingNeedASession() throws Exception {
        given().contentType(ContentType.JSON)
                .body(NEGOTIATED)
                .put(PRICES + "/openai/gpt-4o")
                .then()
                .statusCode(401)
                .body("message", equalTo(ApiMessages.SIGNED_OUT));
        given().delete(PRICES + "/openai/gpt-4o")
                .then()
                .statusCode(401)
                .body("message", equalTo(ApiMessages.SIGNED_OUT));
        assertThat(state.count("SELECT count(*) FROM ai_model_price_overrides")).isZero();
    }

    /**
     * Everyone signed in may read the price book, so the price a caller may not change is no secret: 403 (Coder
     * answers 404 only for what the caller may not see), and the check comes before any check of the body.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"user-admin", "template-admin", "auditor", "member"})
    void onlyOwnersSetOrClearPricesOthersGetForbiddenBeforeAnyValidation(String role) throws Exception {
        put("owner", "/openai/o3", NEGOTIATED).statusCode(200);
        long history = state.count("SELECT count(*) FROM ai_model_price_history");

        put(role, "/openai/gpt-4o", NEGOTIATED)
                .statusCode(403)
                .body("message", equalTo("Forbidden."))
                .body("detail", equalTo(FORBIDDEN_DETAIL));
        put(role, "/openai/gpt-4o", "{\"input_price\": -1}").statusCode(403);
        put(role, "/openai/" + "m".repeat(300), NEGOTIATED).statusCode(403);
        delete(role, "/openai/o3").statusCode(403).body("message", equalTo("Forbidden."));

        assertThat(state.count("SELECT count(*) FROM ai_model_price_overrides")).isEqualTo(1);
        assertThat(state.count("SELECT count(*) FROM ai_model_price_history")).isEqualTo(history);
        get("/openai/o3").statusCode(200).body("source", equalTo("owner"));
    }

    static Stream<Arguments> invalidPriceLists() {
        String prices =
                "\"input_price\": 1, \"output_price\": 2, \"cache_read_price\": null, \"cache_write_price\": null";
        return Stream.of(
                Arguments.of(
                        "a price key missing",
                        "{\"input_price\": 1, \"output_price\": 2, \"cache_read_price\": null}",
                        "cache_write_price",
                        "is missing; write null for an unknown price and 0 for a free one"),
                Arguments.of(
                        "a negative price",
                        "{" + prices.replace("\"input_price\": 1", "\"input_price\": -1") + "}",
                        "input_price",
                        "must not be negative, got -1"),
                Arguments.of(
                        "a fractional price",
                        "{" + prices.replace("\"output_price\": 2", "\"output_price\": 2.5") + "}",
                        "output_price",
                        "must be an integer (micro-USD per 1M tokens) or null, got number 2.5"),
                Arguments.of(
                        "a price as a string",
                        "{" + prices.replace("\"input_price\": 1", "\"input_price\": \"1\"") + "}",
                        "input_price",
                        "must be an integer (micro-USD per 1M tokens) or null, got string \"1\""),
                Arguments.of(
                        "no known price",
                        "{\"input_price\": null, \"output_price\": null, \"cache_read_price\": null,"
                                + " \"cache_write_price\": null}",
                        "input_price",
                        "at least one of input_price, output_price, cache_read_price and cache_write_price"
                                + " must be known; use 0 for free"),
                Arguments.of(
                        "tiers out of order",
                        "{" + prices + ", \"tiers\": [" + SeedFiles.tier("300000", "5") + ", "
                                + SeedFiles.tier("200000", "4") + "]}",
                        "tiers[1].above_input_tokens",
                        "must be larger than the previous tier's (300000): tiers go in ascending order, each threshold once"),
                Arguments.of(
                        "a tier without threshold",
                        "{" + prices + ", \"tiers\": [{\"input_price\": 1}]}",
                        "tiers[0].above_input_tokens",
                        "must be a positive integer (input tokens), got nothing"),
                Arguments.of(
                        "a mode name with a space",
                        "{" + prices + ", \"modes\": {\"very fast\": " + SeedFiles.mode("1") + "}}",
                        "modes.very fast",
                        "is not a valid mode name: 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit"),
                Arguments.of(
                        "a mode price missing",
                        "{" + prices + ", \"modes\": {\"fast\": {\"input_price\": 1}}}",
                        "modes.fast.output_price",
                        "is missing; write null for an unknown price and 0 for a free one"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidPriceLists")
    void anInvalidPriceListIsRefusedNamingTheFieldAndNothingIsWritten(
            String kind, String body, String field, String detail) throws Exception {
        put("owner", "/openai/gpt-4o", body)
                .statusCode(400)
                .body("message", equalTo("Invalid price."))
                .body("validations", hasSize(1))
                .body("validations[0].field", equalTo(field))
                .body("validations[0].detail", equalTo(detail));

        assertThat(state.count("SELECT count(*) FROM ai_model_price_overrides")).isZero();
        assertThat(state.count("SELECT count(*) FROM ai_model_price_history WHERE source = 'owner'"))
                .isZero();
    }

    @Test
    void aBodyThatIsNotAPriceListOrNoBodyIsRefused() {
        put("owner", "/openai/gpt-4o", "[1, 2]")
                .statusCode(400)
                .body("message", equalTo("Invalid price."))
                .body("detail", equalTo("Expected a JSON object with the prices, got array [1,2]."));
        put("owner", "/openai/gpt-4o", "{\"input_price\": ")
                .statusCode(400)
                .body("message", equalTo("Request body must be valid JSON."));
        given().header("Coder-Session-Token", token("owner"))
                .contentType(ContentType.JSON)
                .put(PRICES + "/openai/gpt-4o")
                .then()
                .statusCode(400)
                .body("message", equalTo("Request body must be valid JSON."))
                .body("detail", equalTo("EOF"));
    }

    @Test
    void aProviderOrModelThatCannotBeAnIdIsRefused() {
        // A control character in the path, percent-encoded as a client sends it (not re-encoded here).
        given().urlEncodingEnabled(false)
                .header("Coder-Session-Token", token("owner"))
                .contentType(ContentType.JSON)
                .body(NEGOTIATED)
                .put(PRICES + "/openai/gpt%01")
                .then()
                .statusCode(400)
                .body("message", equalTo("Invalid model."))
                .body("validations[0].field", equalTo("model"))
                .body("validations[0].detail", equalTo("model must not contain control characters (U+0001)"));
        put("owner", "/" + "p".repeat(65) + "/m", NEGOTIATED)
                .statusCode(400)
                .body("validations[0].field", equalTo("provider"))
                .body("validations[0].detail", equalTo("provider must be at most 64 characters long"));
        delete("owner", "/openai/" + "m".repeat(257)).statusCode(400).body("validations[0].field", equalTo("model"));
        given().urlEncodingEnabled(false)
                .header("Coder-Session-Token", token("member"))
                .get(PRICES + "/openai/gpt%00")
                .then()
                // A NUL in any path parameter names nothing that can exist (api/NulCharacterFilter): 404.
                .statusCode(404);
    }
}
