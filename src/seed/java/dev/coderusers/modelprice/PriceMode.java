package dev.coderusers.modelprice;

import java.util.List;

/**
 * A named way of calling a model at other prices, e.g. models.dev's {@code experimental.modes.fast}
 * (Anthropic's fast mode, OpenAI's priority service tier). A mode is a price list of its own: its four prices
 * and its own tiers, if it lists any; the model's base tiers do not apply to it.
 *
 * @param tiers in ascending order of {@link PriceTier#aboveInputTokens}, each threshold once; may be empty
 */
public record PriceMode(
        Long inputPrice, Long outputPrice, Long cacheReadPrice, Long cacheWritePrice, List<PriceTier> tiers)
        implements TokenPrices {

    public PriceMode {
        tiers = List.copyOf(tiers);
    }

    public PriceMode(Long inputPrice, Long outputPrice, Long cacheReadPrice, Long cacheWritePrice) {
        this(inputPrice, outputPrice, cacheReadPrice, cacheWritePrice, List.of());
    }
}
