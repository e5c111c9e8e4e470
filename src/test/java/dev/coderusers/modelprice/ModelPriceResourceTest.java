package dev.coderusers.modelprice;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.coderusers.testsupport.ApiMessages;
import dev.coderusers.testsupport.TestUsers;
import dev.coderusers.user.UserStatus;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reading the price book: the prices in force, one model, the history. */
@QuarkusTest
class ModelPriceResourceTest {

    @Inject
    TestUsers testUsers;

    Map<String, TestUsers.TestUser> callers;
    String token;

    @BeforeEach
    void callers() {
        testUsers.deleteAll();
        callers = testUsers.oneOfEachRole();
        token = callers.get("member").token();
    }

    @Test
    void anySignedInUserReadsThePriceBook() {
        for (TestUsers.TestUser caller : callers.values()) {
            given().header("Coder-Session-Token", caller.token())
                    .get("/api/v2/ai-model-prices")
                    .then()
                    .statusCode(200)
                    .body("size()", equalTo(71))
                    .body("[0].provider", equalTo("anthropic"))
                    .body("[0].model", equalTo("claude-3-5-sonnet-20240620"))
                    .body("source", everyItem(equalTo("seed")));
            given().header("Coder-Session-Token", caller.token())
                    .get("/api/v2/ai-model-prices/openai/gpt-4o")
                    .then()
                    .statusCode(200);
            given().header("Coder-Session-Token", caller.token())
                    .queryParam("limit", 1)
                    .get("/api/v2/ai-model-prices/history")
                    .then()
                    .statusCode(200)
                    .body("", hasSize(1));
        }
    }

    @Test
    void filtersByProviderAndModelKeepingNullAndZero() {
        given().header("Coder-Session-Token", token)
                .queryParam("provider", "openai")
                .get("/api/v2/ai-model-prices")
                .then()
                .statusCode(200)
                .body("", hasSize(47))
                .body("provider", everyItem(equalTo("openai")));
        given().header("Coder-Session-Token", token)
                .queryParam("provider", "openai")
                .queryParam("model", "gpt-3.5-turbo")
                .get("/api/v2/ai-model-prices")
                .then()
                .statusCode(200)
                .body("[0].cache_read_price", equalTo(0))
                .body("[0].cache_write_price", nullValue())
                .body("[0].tiers", empty())
                .body("[0].modes.size()", equalTo(0));
        given().header("Coder-Session-Token", token)
                .queryParam("provider", "nobody")
                .get("/api/v2/ai-model-prices")
                .then()
                .statusCode(200)
                .body("", empty());
    }

    @Test
    void oneModelIsReadWithItsTiersAndModes() {
        given().header("Coder-Session-Token", token)
                .get("/api/v2/ai-model-prices/openai/gpt-5.4")
                .then()
                .statusCode(200)
                .body("provider", equalTo("openai"))
                .body("model", equalTo("gpt-5.4"))
                .body("source", equalTo("seed"))
                .body("input_price", equalTo(2_500_000))
                .body("tiers[0].above_input_tokens", equalTo(272_000))
                .body("tiers[0].input_price", equalTo(5_000_000))
                .body("tiers[0].cache_write_price", nullValue())
                .body("modes.fast.output_price", equalTo(30_000_000))
                .body("modes.fast.tiers", empty())
                .body("created_at", notNullValue())
                .body("updated_at", notNullValue());
        given().header("Coder-Session-Token", token)
                .get("/api/v2/ai-model-prices/anthropic/claude-opus-4-7")
                .then()
                .statusCode(200)
                .body("tiers", empty())
                .body("modes.fast.input_price", equalTo(30_000_000))
                .body("modes.fast.cache_write_price", equalTo(37_500_000));
    }

    @Test
    void aModelWithoutAnyPriceIsNotFound() {
        given().header("Coder-Session-Token", token)
                .get("/api/v2/ai-model-prices/openai/gpt-99")
                .then()
                .statusCode(404)
                .body("message", equalTo("No price is known for openai/gpt-99."));
    }

    @Test
    void theHistoryListsTheSeedsChangesWithTheSeedsChecksumOldestFirst() {
        given().header("Coder-Session-Token", token)
                .queryParam("provider", "openai")
                .queryParam("model", "gpt-5.4")
                .get("/api/v2/ai-model-prices/history")
                .then()
                .statusCode(200)
                .body("", hasSize(1))
                .body("[0].source", equalTo("seed"))
                .body("[0].action", equalTo("set"))
                .body("[0].seed_checksum", matchesPattern("[0-9a-f]{64}"))
                .body("[0].changed_by", nullValue())
                .body("[0].effective_at", notNullValue())
                .body("[0].input_price", equalTo(2_500_000))
                .body("[0].tiers[0].above_input_tokens", equalTo(272_000))
                .body("[0].modes.fast.input_price", equalTo(5_000_000));
        given().header("Coder-Session-Token", token)
                .queryParam("provider", "anthropic")
                .queryParam("limit", 2)
                .queryParam("offset", 1)
                .get("/api/v2/ai-model-prices/history")
                .then()
                .statusCode(200)
                .body("", hasSize(2))
                .body("provider", contains("anthropic", "anthropic"));
    }

    @Test
    void invalidFiltersAndPagingAreRefused() {
        given().header("Coder-Session-Token", token)
                .queryParam("provider", "open\u0000ai")
                .get("/api/v2/ai-model-prices")
                .then()
                .statusCode(400)
                .body("message", equalTo("Query parameters have invalid values."))
                .body("validations[0].field", equalTo("provider"))
                .body(
                        "validations[0].detail",
                        // NUL is refused for every endpoint by one filter (api/NulCharacterFilter).
                        equalTo("Query param \"provider\" must not contain the NUL character (U+0000)"));
        given().header("Coder-Session-Token", token)
                .queryParam("provider", "open\u0007ai")
                .get("/api/v2/ai-model-prices")
                .then()
                .statusCode(400)
                .body("validations[0].field", equalTo("provider"))
                .body(
                        "validations[0].detail",
                        equalTo("Query param \"provider\" must not contain control characters (U+0007)"));
        given().header("Coder-Session-Token", token)
                .queryParam("model", "m".repeat(257))
                .get("/api/v2/ai-model-prices/history")
                .then()
                .statusCode(400)
                .body("validations[0].field", equalTo("model"));
        given().header("Coder-Session-Token", token)
                .queryParam("limit", "-1")
                .queryParam("offset", "x")
                .get("/api/v2/ai-model-prices/history")
                .then()
                .statusCode(400)
                .body("message", equalTo("Query parameters have invalid values."))
                .body("validations.field", contains("limit", "offset"));
    }

    @Test
    void aSuspendedUsersSessionReadsNothing() {
        String suspended = testUsers.create("suspended", UserStatus.SUSPENDED).token();

        for (String path : new String[] {"", "/history", "/openai/gpt-4o"}) {
            given().header("Coder-Session-Token", suspended)
                    .get("/api/v2/ai-model-prices" + path)
                    .then()
                    .statusCode(401);
        }
    }

    @Test
    void readingNeedsASession() {
        for (String path : new String[] {"", "/history", "/openai/gpt-4o"}) {
            given().get("/api/v2/ai-model-prices" + path)
                    .then()
                    .statusCode(401)
                    .body("message", equalTo(ApiMessages.SIGNED_OUT));
        }
    }
}
