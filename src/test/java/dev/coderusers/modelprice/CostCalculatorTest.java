package dev.coderusers.modelprice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The arithmetic of pricing one usage: exact components, one half-even rounding, tiers, modes, unknowns. */
class CostCalculatorTest {

    private static final Instant SINCE = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant AT = Instant.parse("2026-06-01T00:00:00Z");

    /** gpt-5.4 as the seed has it: a tier above 272 000 input tokens and a fast mode. */
    private static final PriceBookRow GPT_54 = new PriceBookRow(
            "openai",
            "gpt-5.4",
            2_500_000L,
            15_000_000L,
            250_000L,
            null,
            List.of(new PriceTier(272_000, 5_000_000L, 22_500_000L, 500_000L, null)),
            Map.of(
                    "fast",
                    new PriceMode(5_000_000L, 30_000_000L, 500_000L, null),
                    "batch",
                    new PriceMode(
                            1_250_000L,
                            7_500_000L,
                            null,
                            null,
                            List.of(new PriceTier(100_000, 2_000_000L, 9_000_000L, null, null)))));

    private static PriceTimeline timeline(PriceBookRow prices) {
        return PriceTimeline.of(List.of(new PriceChange(
                1,
                new ModelKey(prices.provider(), prices.model()),
                PriceChange.Source.SEED,
                null,
                null,
                SINCE,
                prices)));
    }

    private static Usage usage(long input, long output, long cacheRead, long cacheWrite, String mode) {
        return new Usage("openai", "gpt-5.4", input, output, cacheRead, cacheWrite, mode, AT);
    }

    private static UsageCost price(Usage usage) {
        return CostCalculator.price(usage, timeline(GPT_54));
    }

    @Test
    void theWorkedExampleOfTheIssueIsPricedAtTheTierAboveTheInputSize() {
        UsageCost cost = price(usage(1_200_000, 80_000, 0, 0, null));

        assertThat(cost.tierAboveInputTokens()).isEqualTo(272_000L);
        assertThat(cost.inputCost()).isEqualByComparingTo("6000000");
        assertThat(cost.outputCost()).isEqualByComparingTo("1800000");
        assertThat(cost.cacheReadCost()).isEqualByComparingTo("0");
        // No cache-write price is known, but none was written: that costs nothing.
        assertThat(cost.cacheWriteCost()).isEqualByComparingTo("0");
        assertThat(cost.total()).isEqualTo(7_800_000L);
        assertThat(cost.unpriced()).isEmpty();
        assertThat(cost.source()).isEqualTo(PriceChange.Source.SEED);
        assertThat(cost.priceSince()).isEqualTo(SINCE);
    }

    @Test
    void theTierIsChosenByAllInputTokensAboveItsThresholdNotAtIt() {
        assertThat(price(usage(272_000, 1, 0, 0, null)).tierAboveInputTokens()).isNull();
        assertThat(price(usage(272_001, 1, 0, 0, null)).tierAboveInputTokens()).isEqualTo(272_000L);
        // Cached input counts too: 200 000 + 72 001 read from the cache is above the threshold.
        UsageCost cached = price(usage(200_000, 1_000, 72_001, 0, null));
        assertThat(cached.tierAboveInputTokens()).isEqualTo(272_000L);
        // ... and the tier's prices apply to every token of the request, output included.
        assertThat(cached.outputCost()).isEqualByComparingTo("22500");
        assertThat(cached.cacheReadCost()).isEqualByComparingTo("36000.5");
    }

    @Test
    void componentsAreExactAndOnlyTheTotalIsRoundedHalfEvenOnce() {
        // 1 input token at $2.50/MTok is 2.5 micro-USD: kept exact, and 2.5 rounds to the even 2.
        UsageCost one = price(usage(1, 0, 0, 0, null));
        assertThat(one.inputCost()).isEqualTo(new BigDecimal("2.5"));
        assertThat(one.total()).isEqualTo(2L);
        // 3 tokens: 7.5 rounds to the even 8.
        assertThat(price(usage(3, 0, 0, 0, null)).total()).isEqualTo(8L);
        // Two halves add up before rounding: 2.5 input + 0.25 cache read = 2.75, which rounds to 3.
        UsageCost sum = price(usage(1, 0, 1, 0, null));
        assertThat(sum.cacheReadCost()).isEqualTo(new BigDecimal("0.25"));
        assertThat(sum.total()).isEqualTo(3L);
        // Never an exponent in the JSON: 6 000 000 is written out.
        assertThat(price(usage(1_200_000, 0, 0, 0, null)).inputCost().toString())
                .isEqualTo("6000000");
    }

    @Test
    void anUnknownPriceGivesNoCostAndAReasonNeverZero() {
        UsageCost cost = price(usage(1_000, 1_000, 0, 500, null));

        assertThat(cost.cacheWriteCost()).isNull();
        assertThat(cost.total()).isNull();
        assertThat(cost.inputCost()).isEqualByComparingTo("2500");
        assertThat(cost.unpriced())
                .containsExactly(
                        new UsageCost.Unpriced("cache_write", "the cache_write price of openai/gpt-5.4 is unknown"));
        assertThat(price(usage(300_000, 0, 0, 1, null)).unpriced())
                .extracting(UsageCost.Unpriced::reason)
                .containsExactly("the cache_write price of openai/gpt-5.4 above 272000 input tokens is unknown");
    }

    @Test
    void aModeHasItsOwnPricesAndOnlyItsOwnTiers() {
        // Fast mode has no tiers: its prices hold above the base tier's threshold too.
        UsageCost fast = price(usage(1_200_000, 80_000, 0, 0, "fast"));
        assertThat(fast.tierAboveInputTokens()).isNull();
        assertThat(fast.inputCost()).isEqualByComparingTo("6000000");
        assertThat(fast.outputCost()).isEqualByComparingTo("2400000");
        assertThat(fast.total()).isEqualTo(8_400_000L);
        // The batch mode's own tier, above 100 000 tokens.
        UsageCost batch = price(usage(150_000, 10_000, 0, 0, "batch"));
        assertThat(batch.tierAboveInputTokens()).isEqualTo(100_000L);
        assertThat(batch.total()).isEqualTo(300_000L + 90_000L);
        assertThat(price(usage(150_000, 0, 5, 0, "batch")).unpriced())
                .extracting(UsageCost.Unpriced::reason)
                .containsExactly(
                        "the cache_read price of openai/gpt-5.4 in mode \"batch\" above 100000 input tokens is unknown");
    }

    @Test
    void anUnknownModeIsNamedWithTheModesThereAre() {
        UsageCost cost = price(usage(10, 10, 0, 0, "turbo"));

        assertThat(cost.total()).isNull();
        assertThat(cost.inputCost()).isNull();
        assertThat(cost.cacheReadCost()).isEqualByComparingTo("0");
        assertThat(cost.unpriced())
                .extracting(UsageCost.Unpriced::component, UsageCost.Unpriced::reason)
                .containsExactly(
                        tuple("input", "openai/gpt-5.4 has no mode \"turbo\" (its modes: batch, fast)"),
                        tuple("output", "openai/gpt-5.4 has no mode \"turbo\" (its modes: batch, fast)"));
    }

    @Test
    void aModelWithoutAPriceOrUsedBeforeItsFirstPriceIsUnpriced() {
        UsageCost unknown = CostCalculator.price(usage(10, 0, 0, 0, null), null);
        assertThat(unknown.total()).isNull();
        assertThat(unknown.source()).isNull();
        assertThat(unknown.unpriced())
                .containsExactly(new UsageCost.Unpriced("input", "no price is known for openai/gpt-5.4"));

        UsageCost early = CostCalculator.price(
                new Usage("openai", "gpt-5.4", 10, 0, 0, 0, null, Instant.parse("2025-06-01T00:00:00Z")),
                timeline(GPT_54));
        assertThat(early.unpriced())
                .extracting(UsageCost.Unpriced::reason)
                .containsExactly("no price of openai/gpt-5.4 was in force at 2025-06-01T00:00:00Z; the first took"
                        + " effect at 2026-01-01T00:00:00Z");

        // Nothing used costs nothing, even without a price.
        assertThat(CostCalculator.price(usage(0, 0, 0, 0, null), null).total()).isZero();
    }

    @Test
    void aClearedOwnersPriceOfAModelTheSeedDoesNotKnowLeavesNoPrice() {
        ModelKey model = new ModelKey("vllm", "llama");
        UUID owner = UUID.randomUUID();
        PriceTimeline timeline = PriceTimeline.of(List.of(
                new PriceChange(
                        1,
                        model,
                        PriceChange.Source.OWNER,
                        null,
                        owner,
                        SINCE,
                        new PriceBookRow("vllm", "llama", 1L, 1L, null, null)),
                new PriceChange(2, model, PriceChange.Source.OWNER, null, owner, SINCE.plusSeconds(60), null)));

        UsageCost cost = CostCalculator.price(new Usage("vllm", "llama", 5, 0, 0, 0, null, AT), timeline);

        assertThat(cost.total()).isNull();
        assertThat(cost.unpriced())
                .extracting(UsageCost.Unpriced::reason)
                .containsExactly("no price of vllm/llama was in force at 2026-06-01T00:00:00Z (an owner's price had"
                        + " been cleared and the seed has none)");
    }

    @Test
    void hugeCountsStayExactAndATotalBeyond64BitsIsNotGivenAsOne() {
        PriceBookRow dear = new PriceBookRow("openai", "gpt-5.4", Long.MAX_VALUE, 1L, null, null);
        UsageCost cost = CostCalculator.price(usage(Long.MAX_VALUE, 0, 0, 0, null), timeline(dear));

        assertThat(cost.inputCost()).isEqualTo(new BigDecimal("85070591730234615847396907784232.501249"));
        assertThat(cost.total()).isNull();
        assertThat(cost.unpriced()).extracting(UsageCost.Unpriced::component).containsExactly("total");
    }
}
