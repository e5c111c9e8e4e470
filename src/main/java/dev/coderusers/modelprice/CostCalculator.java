package dev.coderusers.modelprice;

import dev.coderusers.api.CoderJson;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Prices a {@link Usage} with the price list in force at its time. Integer and decimal arithmetic only (no
 * binary floating point anywhere): a component is {@code tokens × price} micro-USD per 1 000 000 tokens, i.e.
 * exactly {@code tokens × price / 1 000 000} micro-USD; the total is the exact sum, rounded half-even to a whole
 * micro-USD.
 *
 * <p>The tier is the one with the largest threshold below the usage's input size (input, cache-read and
 * cache-write tokens together); its prices apply to all of the usage's tokens. With a mode, the mode's prices
 * and the mode's own tiers apply. An unknown price gives no cost for that component (never 0) and a reason;
 * a component without tokens costs 0 whatever its price, since nothing of it was used.
 */
public final class CostCalculator {

    private static final BigDecimal MAX_TOTAL = BigDecimal.valueOf(Long.MAX_VALUE);

    private enum Component {
        INPUT("input", Usage::inputTokens, TokenPrices::inputPrice),
        OUTPUT("output", Usage::outputTokens, TokenPrices::outputPrice),
        CACHE_READ("cache_read", Usage::cacheReadTokens, TokenPrices::cacheReadPrice),
        CACHE_WRITE("cache_write", Usage::cacheWriteTokens, TokenPrices::cacheWritePrice);

        final String name;
        final ToLongFunction<Usage> tokens;
        final Function<TokenPrices, Long> price;

        Component(String name, ToLongFunction<Usage> tokens, Function<TokenPrices, Long> price) {
            this.name = name;
            this.tokens = tokens;
            this.price = price;
        }
    }

    private CostCalculator() {}

    /**
     * The cost of {@code usage}; {@code timeline} is its model's (or {@code null} when the model never had a
     * price).
     */
    public static UsageCost price(Usage usage, PriceTimeline timeline) {
        PriceTimeline.Period period = timeline == null ? null : timeline.at(usage.at());
        if (period == null || period.prices() == null) {
            return unpriced(usage, period, noPriceReason(usage, timeline, period));
        }
        PriceBookRow list = period.prices();
        TokenPrices base = list;
        List<PriceTier> tiers = list.tiers();
        String in = "";
        if (usage.mode() != null) {
            PriceMode mode = list.modes().get(usage.mode());
            if (mode == null) {
                String reason = usage.key() + " has no mode \"" + usage.mode() + "\" ("
                        + (list.modes().isEmpty()
                                ? "it has no modes"
                                : "its modes: " + String.join(", ", list.modes().keySet()))
                        + ")";
                return unpriced(usage, period, reason);
            }
            base = mode;
            tiers = mode.tiers();
            in = " in mode \"" + usage.mode() + "\"";
        }
        PriceTier tier = tierFor(tiers, usage.inputSize());
        TokenPrices prices = tier == null ? base : tier;
        String where = in + (tier == null ? "" : " above " + tier.aboveInputTokens() + " input tokens");

        BigDecimal[] costs = new BigDecimal[Component.values().length];
        List<UsageCost.Unpriced> unpriced = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (Component component : Component.values()) {
            long tokens = component.tokens.applyAsLong(usage);
            Long price = component.price.apply(prices);
            BigDecimal cost;
            if (tokens == 0) {
                cost = BigDecimal.ZERO;
            } else if (price == null) {
                cost = null;
                unpriced.add(new UsageCost.Unpriced(
                        component.name, "the " + component.name + " price of " + usage.key() + where + " is unknown"));
            } else {
                // Prices are per 1 000 000 tokens: moving the point six places is the exact division.
                cost = exact(BigDecimal.valueOf(tokens)
                        .multiply(BigDecimal.valueOf(price))
                        .movePointLeft(6));
            }
            costs[component.ordinal()] = cost;
            if (cost != null) {
                sum = sum.add(cost);
            }
        }
        Long total = null;
        if (unpriced.isEmpty()) {
            BigDecimal rounded = sum.setScale(0, RoundingMode.HALF_EVEN);
            if (rounded.compareTo(MAX_TOTAL) <= 0) {
                total = rounded.longValueExact();
            } else {
                unpriced.add(new UsageCost.Unpriced(
                        "total", "the total exceeds " + Long.MAX_VALUE + " micro-USD and cannot be given as one"));
            }
        }
        return new UsageCost(
                usage,
                period.source(),
                period.since(),
                tier == null ? null : tier.aboveInputTokens(),
                costs[0],
                costs[1],
                costs[2],
                costs[3],
                total,
                unpriced);
    }

    /** The tier with the largest threshold strictly below {@code inputSize} (tiers are in ascending order). */
    static PriceTier tierFor(List<PriceTier> tiers, long inputSize) {
        PriceTier chosen = null;
        for (PriceTier tier : tiers) {
            if (inputSize > tier.aboveInputTokens()) {
                chosen = tier;
            } else {
                break;
            }
        }
        return chosen;
    }

    /** Without trailing zeros, but never in exponent form ({@code 6E+6} would print as such). */
    private static BigDecimal exact(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static String noPriceReason(Usage usage, PriceTimeline timeline, PriceTimeline.Period period) {
        if (timeline == null) {
            return "no price is known for " + usage.key();
        }
        if (period == null) {
            return "no price of " + usage.key() + " was in force at " + CoderJson.format(usage.at())
                    + "; the first took effect at " + CoderJson.format(timeline.first());
        }
        return "no price of " + usage.key() + " was in force at " + CoderJson.format(usage.at())
                + " (an owner's price had been cleared and the seed has none)";
    }

    /** No price list applies: every component with tokens is unpriced for the same reason. */
    private static UsageCost unpriced(Usage usage, PriceTimeline.Period period, String reason) {
        BigDecimal[] costs = new BigDecimal[Component.values().length];
        List<UsageCost.Unpriced> unpriced = new ArrayList<>();
        for (Component component : Component.values()) {
            if (component.tokens.applyAsLong(usage) == 0) {
                costs[component.ordinal()] = BigDecimal.ZERO;
            } else {
                unpriced.add(new UsageCost.Unpriced(component.name, reason));
            }
        }
        // Nothing used costs nothing, price or not.
        Long total = unpriced.isEmpty() ? 0L : null;
        boolean hasPrices = period != null && period.prices() != null;
        return new UsageCost(
                usage,
                hasPrices ? period.source() : null,
                hasPrices ? period.since() : null,
                null,
                costs[0],
                costs[1],
                costs[2],
                costs[3],
                total,
                unpriced);
    }
}
