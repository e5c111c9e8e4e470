package dev.coderusers.modelprice;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code PUT /api/v2/ai-model-prices/{provider}/{model}}, as documented to clients. The service
 * reads it with {@link PriceListJson} (the rules of the seed file), not through this record, because an absent
 * price key must be refused rather than read as "unknown".
 */
@Schema(
        name = "AIModelPriceRequest",
        description = "The owner's price list of a model; it replaces the whole list (base prices, tiers, modes)"
                + " while set. All four price keys are required: null = unknown, 0 = free.")
public record AiModelPriceRequest(
        @Schema(required = true, nullable = true, description = AiModelPriceResponse.PRICE + " Input tokens.")
        Long inputPrice,

        @Schema(required = true, nullable = true, description = AiModelPriceResponse.PRICE + " Output tokens.")
        Long outputPrice,

        @Schema(required = true, nullable = true, description = AiModelPriceResponse.PRICE + " Cached input read.")
        Long cacheReadPrice,

        @Schema(required = true, nullable = true, description = AiModelPriceResponse.PRICE + " Cache writes.")
        Long cacheWritePrice,

        @Schema(
                type = SchemaType.ARRAY,
                implementation = AiModelPriceTier.class,
                description = "Prices above an input size, in strictly ascending order of above_input_tokens.")
        List<AiModelPriceTier> tiers,

        @Schema(description = "Named modes (1 to 64 letters, digits, '.', '_', '-') with prices of their own.")
        Map<String, AiModelPriceMode> modes) {}
