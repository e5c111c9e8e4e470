package dev.coderusers.modelprice;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The API form of a {@link PriceTier}. */
@Schema(name = "AIModelPriceTier", description = "Prices for requests whose input is larger than a threshold.")
public record AiModelPriceTier(
        @Schema(
                required = true,
                format = "int64",
                description = "The tier applies when the input (input + cache-read + cache-write tokens) is larger"
                        + " than this; its prices then apply to all tokens of the request.")
        long aboveInputTokens,

        @Schema(required = true, nullable = true, description = AiModelPriceResponse.PRICE + " Input tokens.")
        Long inputPrice,

        @Schema(required = true, nullable = true, description = AiModelPriceResponse.PRICE + " Output tokens.")
        Long outputPrice,

        @Schema(required = true, nullable = true, description = AiModelPriceResponse.PRICE + " Cached input read.")
        Long cacheReadPrice,

        @Schema(required = true, nullable = true, description = AiModelPriceResponse.PRICE + " Cache writes.")
        Long cacheWritePrice) {

    static AiModelPriceTier of(PriceTier tier) {
        return new AiModelPriceTier(
                tier.aboveInputTokens(),
                tier.inputPrice(),
                tier.outputPrice(),
                tier.cacheReadPrice(),
                tier.cacheWritePrice());
    }
}
