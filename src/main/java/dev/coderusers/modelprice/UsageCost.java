package dev.coderusers.modelprice;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What a {@link Usage} costs, in micro-USD, computed with decimal arithmetic only: each component is exact
 * ({@code tokens × price / 1 000 000}, at most six decimals, never rounded); the total is their exact sum rounded
 * half-even to a whole micro-USD, once.
 *
 * @param source who set the prices used ({@code null} when the model had none at {@code at})
 * @param priceSince when the price list used came into force
 * @param tierAboveInputTokens the tier whose prices were used, or {@code null} for the base prices
 * @param inputCost {@code null} when the price is unknown and tokens were used (see {@code unpriced})
 * @param total {@code null} when any component is
 * @param unpriced why each {@code null} component is null
 */
public record UsageCost(
        Usage usage,
        PriceChange.Source source,
        Instant priceSince,
        Long tierAboveInputTokens,
        BigDecimal inputCost,
        BigDecimal outputCost,
        BigDecimal cacheReadCost,
        BigDecimal cacheWriteCost,
        Long total,
        List<Unpriced> unpriced) {

    /** A component without a cost: {@code input}, {@code output}, {@code cache_read}, {@code cache_write}. */
    public record Unpriced(String component, String reason) {}

    public UsageCost {
        unpriced = List.copyOf(unpriced);
    }
}
