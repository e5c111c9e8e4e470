package dev.coderusers.modelprice;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One price book row. Prices: micro-USD per 1 000 000 tokens; null = unknown, 0 = free. */
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

        @Schema(format = "date-time", description = "When the row was first seeded.")
        Instant createdAt,

        @Schema(format = "date-time", description = "When a price of the row last changed.")
        Instant updatedAt) {

    static final String PRICE = "Micro-USD per 1 000 000 tokens ($3.00/MTok = 3000000); null = unknown, 0 = free.";

    static AiModelPriceResponse of(AiModelPrice row) {
        return new AiModelPriceResponse(
                row.provider,
                row.model,
                row.inputPrice,
                row.outputPrice,
                row.cacheReadPrice,
                row.cacheWritePrice,
                row.createdAt,
                row.updatedAt);
    }
}
