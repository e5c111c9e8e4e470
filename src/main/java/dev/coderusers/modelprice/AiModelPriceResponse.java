package dev.coderusers.modelprice;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A model's prices in force: an owner's when one is set, else the seed's. Prices: micro-USD per 1 000 000
 * tokens; null = unknown, 0 = free.
 */
@Schema(name = "AIModelPrice")
public record AiModelPriceResponse(
        @Schema(required = true, description = "Provider id as in models.dev, e.g. anthropic.")
        String provider,

        @Schema(required = true, description = "Upstream model id, e.g. claude-opus-4-7.")
        String model,

        @Schema(description = PRICE + " Input tokens.", nullable = true)
        Long inputPrice,

        @Schema(description = PRICE + " Output tokens.", nullable = true)
        Long outputPrice,

        @Schema(description = PRICE + " Cached input tokens read.", nullable = true)
        Long cacheReadPrice,

        @Schema(description = PRICE + " Input tokens written to the prompt cache.", nullable = true)
        Long cacheWritePrice,

        @Schema(
                required = true,
                type = SchemaType.ARRAY,
                implementation = AiModelPriceTier.class,
                description = "Prices above an input size, in ascending order of above_input_tokens (may be empty).")
        List<AiModelPriceTier> tiers,

        @Schema(
                required = true,
                description = "Named modes (e.g. fast) with prices of their own, by name (may be empty).")
        Map<String, AiModelPriceMode> modes,

        @Schema(
                required = true,
                enumeration = {"seed", "owner"},
                description = "Who set these prices: the seed, or an owner (whose price wins over the seed's until"
                        + " it is cleared).")
        String source,

        @Schema(format = "date-time", description = "When the model first had a price.")
        Instant createdAt,

        @Schema(format = "date-time", description = "When these prices last changed.")
        Instant updatedAt) {

    static final String PRICE = "Micro-USD per 1 000 000 tokens ($3.00/MTok = 3000000); null = unknown, 0 = free.";

    static AiModelPriceResponse of(
            PriceBookRow prices, PriceChange.Source source, Instant createdAt, Instant updatedAt) {
        Map<String, AiModelPriceMode> modes = new LinkedHashMap<>();
        prices.modes().forEach((name, mode) -> modes.put(name, AiModelPriceMode.of(mode)));
        return new AiModelPriceResponse(
                prices.provider(),
                prices.model(),
                prices.inputPrice(),
                prices.outputPrice(),
                prices.cacheReadPrice(),
                prices.cacheWritePrice(),
                prices.tiers().stream().map(AiModelPriceTier::of).toList(),
                modes,
                source.stored(),
                createdAt,
                updatedAt);
    }
}
