package dev.coderusers.modelprice;

import java.time.Instant;

/**
 * Tokens one request (or any sum of requests) used, to be priced. {@code inputTokens} are the input tokens
 * that were neither read from nor written to the prompt cache: each of the four kinds is priced at its own
 * price (with OpenAI-style usage, subtract the cached tokens from the prompt tokens first).
 *
 * @param mode a mode of the model (e.g. {@code fast}), or {@code null} for its base prices
 * @param at when the tokens were used: the prices in force then apply
 */
public record Usage(
        String provider,
        String model,
        long inputTokens,
        long outputTokens,
        long cacheReadTokens,
        long cacheWriteTokens,
        String mode,
        Instant at) {

    public ModelKey key() {
        return new ModelKey(provider, model);
    }

    /** The input size that chooses the tier: every input token, cached or not, as the providers count it. */
    public long inputSize() {
        try {
            return Math.addExact(Math.addExact(inputTokens, cacheReadTokens), cacheWriteTokens);
        } catch (ArithmeticException e) {
            // Beyond 64 bits is above every tier anyway.
            return Long.MAX_VALUE;
        }
    }
}
