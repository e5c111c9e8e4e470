package dev.coderusers.modelprice;

import java.util.Objects;

/**
 * The four prices of a price list, a tier or a mode: micro-USD per 1 000 000 tokens ({@code $3.00/MTok} =
 * {@code 3000000}); {@code null} means unknown and {@code 0} means free.
 */
public interface TokenPrices {

    Long inputPrice();

    Long outputPrice();

    Long cacheReadPrice();

    Long cacheWritePrice();

    /** Whether both carry the same four prices (a null against a value counts as a difference). */
    default boolean sameFourPrices(TokenPrices other) {
        return Objects.equals(inputPrice(), other.inputPrice())
                && Objects.equals(outputPrice(), other.outputPrice())
                && Objects.equals(cacheReadPrice(), other.cacheReadPrice())
                && Objects.equals(cacheWritePrice(), other.cacheWritePrice());
    }

    /** Whether none of the four is known. */
    default boolean allUnknown() {
        return inputPrice() == null && outputPrice() == null && cacheReadPrice() == null && cacheWritePrice() == null;
    }
}
