package dev.coderusers.modelprice;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The API form of a {@link PriceMode}. */
@Schema(
        name = "AIModelPriceMode",
        description = "A named mode of the model (e.g. fast) with prices of its own; the model's tiers do not apply"
                + " to it, only the mode's own.")
public record AiModelPriceMode(
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
                description = "The mode's tiers, in ascending order of above_input_tokens (may be empty).")
        List<AiModelPriceTier> tiers) {

    static AiModelPriceMode of(PriceMode mode) {
        return new AiModelPriceMode(
                mode.inputPrice(),
                mode.outputPrice(),
                mode.cacheReadPrice(),
                mode.cacheWritePrice(),
                mode.tiers().stream().map(AiModelPriceTier::of).toList());
    }
}
