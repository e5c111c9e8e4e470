package dev.coderusers.modelprice;

import java.util.Comparator;
import java.util.Objects;

/**
 * One row of the price book, as in {@code seed/ai-model-prices.json} and table {@code ai_model_prices}.
 *
 * <p>Prices are micro-USD per 1 000 000 tokens ({@code $3.00/MTok} = {@code 3000000}); {@code null} means
 * unknown and {@code 0} means free. The two must never be confused.
 */
public record PriceBookRow(
        String provider, String model, Long inputPrice, Long outputPrice, Long cacheReadPrice, Long cacheWritePrice) {

    /** The order of the seed file: provider, then model (plain code-point order, as the generator writes). */
    public static final Comparator<PriceBookRow> ORDER =
            Comparator.comparing(PriceBookRow::provider).thenComparing(PriceBookRow::model);

    public PriceBookRow {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
    }

    /** {@code provider/model}, the name used in logs and error messages. */
    public String key() {
        return provider + "/" + model;
    }

    /** Whether both rows carry the same four prices (a null against a value counts as a difference). */
    public boolean samePrices(PriceBookRow other) {
        return Objects.equals(inputPrice, other.inputPrice)
                && Objects.equals(outputPrice, other.outputPrice)
                && Objects.equals(cacheReadPrice, other.cacheReadPrice)
                && Objects.equals(cacheWritePrice, other.cacheWritePrice);
    }
}
