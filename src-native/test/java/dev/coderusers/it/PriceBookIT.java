package dev.coderusers.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The price book against the packaged service: the seed's tiers and modes read back, an owner's price set for a
 * model the seed does not know (an id with "/"), usage priced exactly with it, the change in the history, and
 * cleared again. In the native binary this proves the JSON of these answers (nested tiers, modes by name,
 * BigDecimal costs) and the jsonb columns the price lists are stored in.
 */
@QuarkusIntegrationTest
@WithTestResource(value = FreshDatabase.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class PriceBookIT {

    private static final String PRICES = "/api/v2/ai-model-prices";

    /** Injected by {@link FreshDatabase}: what the service stored, read with SQL. */
    ItDatabase database;

    private static String owner;

    @BeforeEach
    void signedIn() {
        Readiness.awaitReady();
        if (owner == null) {
            owner = UsersApiIT.firstOwnerSession();
        }
    }

    @Test
    void theSeedsTiersAndModesAnOwnersPriceAndTheCostOfUsage() {
        UsersApiIT.as(owner)
                .get(PRICES + "/openai/gpt-5.4")
                .then()
                .statusCode(200)
                .body("source", equalTo("seed"))
                .body("tiers[0].above_input_tokens", equalTo(272_000))
                .body("modes.fast.output_price", equalTo(30_000_000));
        // One history row per seeded model, written with the seed.
        assertThat(database.queryLong("SELECT count(*) FROM ai_model_price_history WHERE source = 'seed'"))
                .isEqualTo(database.queryLong("SELECT count(*) FROM ai_model_prices"))
                .isPositive();

        UsersApiIT.as(owner)
                .contentType(ContentType.JSON)
                .body("{\"input_price\": 1000000, \"output_price\": 2000000, \"cache_read_price\": null,"
                        + " \"cache_write_price\": 0, \"tiers\": [{\"above_input_tokens\": 100000, \"input_price\":"
                        + " 2000000, \"output_price\": 4000000, \"cache_read_price\": null, \"cache_write_price\": 0}],"
                        + " \"modes\": {\"fast\": {\"input_price\": 3000000, \"output_price\": 6000000,"
                        + " \"cache_read_price\": null, \"cache_write_price\": null}}}")
                .put(PRICES + "/vllm/meta-llama/Llama-3.3-70B")
                .then()
                .statusCode(200)
                .body("source", equalTo("owner"))
                .body("model", equalTo("meta-llama/Llama-3.3-70B"))
                .body("modes.fast.input_price", equalTo(3_000_000));

        UsersApiIT.as(owner)
                .contentType(ContentType.JSON)
                .body("{\"usages\": [{\"provider\": \"vllm\", \"model\": \"meta-llama/Llama-3.3-70B\","
                        + " \"input_tokens\": 150001, \"output_tokens\": 3, \"cache_read_tokens\": 0,"
                        + " \"cache_write_tokens\": 0},"
                        + " {\"provider\": \"vllm\", \"model\": \"meta-llama/Llama-3.3-70B\", \"input_tokens\": 1,"
                        + " \"output_tokens\": 0, \"cache_read_tokens\": 7, \"cache_write_tokens\": 0}]}")
                .post(PRICES + "/cost")
                .then()
                .statusCode(200)
                .body("results", hasSize(2))
                .body("results[0].tier_above_input_tokens", equalTo(100_000))
                .body("results[0].input_micros", equalTo(300_002))
                .body("results[0].output_micros", equalTo(12))
                .body("results[0].total_micros", equalTo(300_014))
                .body("results[1].cache_read_micros", nullValue())
                .body("results[1].unpriced[0].component", equalTo("cache_read"))
                .body("total_micros", nullValue())
                .body("unpriced_usages", equalTo(1));

        UsersApiIT.as(owner)
                .delete(PRICES + "/vllm/meta-llama/Llama-3.3-70B")
                .then()
                .statusCode(204);
        UsersApiIT.as(owner)
                .queryParam("provider", "vllm")
                .get(PRICES + "/history")
                .then()
                .statusCode(200)
                .body("action", contains("set", "cleared"));
        UsersApiIT.expectError(UsersApiIT.as(owner).get(PRICES + "/vllm/meta-llama/Llama-3.3-70B"), 404);
        assertThat(database.queryLong("SELECT count(*) FROM ai_model_price_overrides"))
                .isZero();
    }
}
