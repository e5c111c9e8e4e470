package dev.coderusers.modelprice;

/**
 * Prices that replace the base prices of a price list (or of a mode) for a request whose input is larger than
 * {@code aboveInputTokens}: models.dev's context tiers ({@code cost.tiers[].tier.size}), e.g. OpenAI's prices
 * above 272 000 input tokens. The input of a request is its input, cache-read and cache-write tokens together,
 * and the tier's prices apply to the whole request, as the providers bill long context.
 *
 * @param aboveInputTokens the tier applies when the input is strictly larger than this (positive)
 */
public record PriceTier(
        long aboveInputTokens, Long inputPrice, Long outputPrice, Long cacheReadPrice, Long cacheWritePrice)
        implements TokenPrices {}
