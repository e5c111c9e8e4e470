package dev.coderusers.modelprice;

import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The price list of one model, as in {@code seed/ai-model-prices.json}: the four base prices that table
 * {@code ai_model_prices} holds, and optionally context tiers and named modes.
 *
 * <p>Prices are micro-USD per 1 000 000 tokens ({@code $3.00/MTok} = {@code 3000000}); {@code null} means
 * unknown and {@code 0} means free. The two must never be confused.
 *
 * @param tiers in ascending order of {@link PriceTier#aboveInputTokens}, each threshold once; may be empty
 * @param modes by name, in name order; may be empty
 */
public record PriceBookRow(
        String provider,
        String model,
        Long inputPrice,
        Long outputPrice,
        Long cacheReadPrice,
        Long cacheWritePrice,
        List<PriceTier> tiers,
        Map<String, PriceMode> modes)
        implements TokenPrices {

    /**
     * The longest provider and model ids: far above any real id, but within what an entry of the primary key's
     * btree index holds. The API ({@code ModelIds}) and the seed ({@link PriceSeed}) refuse longer ones.
     */
    public static final int MAX_PROVIDER_LENGTH = 64;

    public static final int MAX_MODEL_LENGTH = 256;

    /** The order of the seed file: provider, then model (plain code-point order, as the generator writes). */
    public static final Comparator<PriceBookRow> ORDER =
            Comparator.comparing(PriceBookRow::provider).thenComparing(PriceBookRow::model);

    public PriceBookRow {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
        tiers = List.copyOf(tiers);
        modes = Collections.unmodifiableMap(new TreeMap<>(modes));
    }

    /** A flat row: base prices only, as every row of the seed was before tiers and modes. */
    public PriceBookRow(
            String provider,
            String model,
            Long inputPrice,
            Long outputPrice,
            Long cacheReadPrice,
            Long cacheWritePrice) {
        this(provider, model, inputPrice, outputPrice, cacheReadPrice, cacheWritePrice, List.of(), Map.of());
    }

    /** {@code provider/model}, the name used in logs and error messages. */
    public String key() {
        return provider + "/" + model;
    }

    /** Whether both rows price the same: base prices, tiers and modes (a null against a value differs). */
    public boolean samePrices(PriceBookRow other) {
        return sameFourPrices(other) && tiers.equals(other.tiers) && modes.equals(other.modes);
    }

    /** The same prices under another name (an owner's price for a model, built from the request body). */
    public PriceBookRow forModel(String provider, String model) {
        return new PriceBookRow(
                provider, model, inputPrice, outputPrice, cacheReadPrice, cacheWritePrice, tiers, modes);
    }
}
