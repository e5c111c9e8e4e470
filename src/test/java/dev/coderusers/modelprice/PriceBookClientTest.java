package dev.coderusers.modelprice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.DeserializationFeature;
import dev.coderusers.client.ApiClient;
import dev.coderusers.client.ApiException;
import dev.coderusers.client.api.AiModelPricesApi;
import dev.coderusers.client.model.AIModelCostRequest;
import dev.coderusers.client.model.AIModelCostResponse;
import dev.coderusers.client.model.AIModelPrice;
import dev.coderusers.client.model.AIModelPriceChange;
import dev.coderusers.client.model.AIModelPriceMode;
import dev.coderusers.client.model.AIModelPriceRequest;
import dev.coderusers.client.model.AIModelPriceTier;
import dev.coderusers.client.model.AIModelUsage;
import dev.coderusers.client.model.AIModelUsageCost;
import dev.coderusers.testsupport.TestUsers;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The price book through the Java client the build generates from the OpenAPI contract (the same contract the
 * TypeScript client is compiled from), with a strict mapper: an answer with a property or an enum value the
 * contract does not declare fails here.
 */
@QuarkusTest
class PriceBookClientTest {

    @Inject
    TestUsers testUsers;

    @Inject
    PriceBookState state;

    @TestHTTPResource("/")
    URI root;

    MovableClock clock;

    @BeforeEach
    void clock() {
        testUsers.deleteAll();
        clock = MovableClock.install();
    }

    @AfterEach
    void resetThePriceBook() throws Exception {
        clock.real();
        state.reset();
    }

    private AiModelPricesApi client(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(root.toString().replaceAll("/$", ""));
        client.setObjectMapper(
                client.getObjectMapper().copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));
        client.setReadTimeout(Duration.ofSeconds(30));
        client.setRequestInterceptor(request -> request.header("Coder-Session-Token", token));
        return new AiModelPricesApi(client);
    }

    @Test
    void readSetPriceAndClearThroughTheGeneratedClient() throws ApiException {
        AiModelPricesApi owner = client(testUsers.create("owner", "owner").token());
        AiModelPricesApi member = client(testUsers.create("member").token());

        // Read: the seed's price list of a tiered model, with its mode.
        AIModelPrice gpt54 = member.getAiModelPrice("openai", "gpt-5.4");
        assertThat(gpt54.getSource()).isEqualTo(AIModelPrice.SourceEnum.SEED);
        assertThat(gpt54.getTiers())
                .extracting(AIModelPriceTier::getAboveInputTokens, AIModelPriceTier::getInputPrice)
                .containsExactly(tuple(272_000L, 5_000_000L));
        assertThat(gpt54.getModes()).containsOnlyKeys("fast");
        assertThat(member.listAiModelPrices("openai", null)).hasSize(47);

        // An owner prices a self-hosted model whose id contains "/"; the client encodes it in the path.
        clock.set(Instant.parse("2027-01-01T00:00:00Z"));
        AIModelPriceRequest negotiated = new AIModelPriceRequest()
                .inputPrice(1_000_000L)
                .outputPrice(4_000_000L)
                .cacheReadPrice(null)
                .cacheWritePrice(0L)
                .tiers(List.of(new AIModelPriceTier()
                        .aboveInputTokens(128_000L)
                        .inputPrice(2_000_000L)
                        .outputPrice(8_000_000L)
                        .cacheReadPrice(null)
                        .cacheWritePrice(0L)))
                .modes(Map.of(
                        "fast",
                        new AIModelPriceMode()
                                .inputPrice(3_000_000L)
                                .outputPrice(12_000_000L)
                                .cacheReadPrice(null)
                                .cacheWritePrice(null)));
        AIModelPrice set = owner.setAiModelPrice("vllm", "meta-llama/Llama-3.3-70B", negotiated);
        assertThat(set.getModel()).isEqualTo("meta-llama/Llama-3.3-70B");
        assertThat(set.getSource()).isEqualTo(AIModelPrice.SourceEnum.OWNER);
        assertThat(set.getCacheReadPrice()).isNull();
        assertThat(set.getCacheWritePrice()).isZero();
        assertThat(member.getAiModelPrice("vllm", "meta-llama/Llama-3.3-70B").getTiers())
                .hasSize(1);
        ApiException forbidden = catchThrowableOfType(
                ApiException.class, () -> member.setAiModelPrice("vllm", "meta-llama/Llama-3.3-70B", negotiated));
        assertThat(forbidden.getCode()).isEqualTo(403);

        // Price usage of both, one of them before the owner's price existed.
        clock.set(Instant.parse("2027-02-01T00:00:00Z"));
        AIModelCostResponse costs = member.priceAiModelUsage(new AIModelCostRequest()
                .usages(List.of(
                        new AIModelUsage()
                                .provider("vllm")
                                .model("meta-llama/Llama-3.3-70B")
                                .inputTokens(200_000L)
                                .outputTokens(1_000L)
                                .cacheReadTokens(0L)
                                .cacheWriteTokens(0L),
                        new AIModelUsage()
                                .provider("vllm")
                                .model("meta-llama/Llama-3.3-70B")
                                .inputTokens(1L)
                                .outputTokens(0L)
                                .cacheReadTokens(0L)
                                .cacheWriteTokens(0L)
                                .at(OffsetDateTime.of(2026, 12, 31, 0, 0, 0, 0, ZoneOffset.UTC)),
                        new AIModelUsage()
                                .provider("openai")
                                .model("gpt-5.4")
                                .inputTokens(3L)
                                .outputTokens(0L)
                                .cacheReadTokens(1L)
                                .cacheWriteTokens(0L)
                                .mode("fast"))));
        AIModelUsageCost tiered = costs.getResults().get(0);
        assertThat(tiered.getTierAboveInputTokens()).isEqualTo(128_000L);
        assertThat(tiered.getInputMicros()).isEqualByComparingTo("400000");
        assertThat(tiered.getOutputMicros()).isEqualByComparingTo("8000");
        assertThat(tiered.getTotalMicros()).isEqualTo(408_000L);
        assertThat(tiered.getPriceSince()).isEqualTo(OffsetDateTime.of(2027, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
        assertThat(costs.getResults().get(1).getTotalMicros()).isNull();
        assertThat(costs.getResults().get(1).getUnpriced()).hasSize(1);
        // 3 tokens at $5/MTok and 1 cached at $0.50/MTok: 15.5 micro-USD, rounded half-even to 16.
        AIModelUsageCost fast = costs.getResults().get(2);
        assertThat(fast.getInputMicros()).isEqualTo(new BigDecimal("15"));
        assertThat(fast.getCacheReadMicros()).isEqualTo(new BigDecimal("0.5"));
        assertThat(fast.getTotalMicros()).isEqualTo(16L);
        assertThat(costs.getTotalMicros()).isNull();
        assertThat(costs.getUnpricedUsages()).isEqualTo(1);

        // The history, then clearing.
        List<AIModelPriceChange> history = member.listAiModelPriceChanges("vllm", null, null, null);
        assertThat(history).singleElement().satisfies(change -> {
            assertThat(change.getSource()).isEqualTo(AIModelPriceChange.SourceEnum.OWNER);
            assertThat(change.getAction()).isEqualTo(AIModelPriceChange.ActionEnum.SET);
            assertThat(change.getEffectiveAt()).isEqualTo(OffsetDateTime.of(2027, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
        });
        owner.clearAiModelPrice("vllm", "meta-llama/Llama-3.3-70B");
        ApiException gone = catchThrowableOfType(
                ApiException.class, () -> member.getAiModelPrice("vllm", "meta-llama/Llama-3.3-70B"));
        assertThat(gone.getCode()).isEqualTo(404);
    }
}
