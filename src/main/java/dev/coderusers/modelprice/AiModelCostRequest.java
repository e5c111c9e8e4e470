package dev.coderusers.modelprice;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/v2/ai-model-prices/cost}: one usage or a batch of up to 10 000. */
@Schema(name = "AIModelCostRequest")
public record AiModelCostRequest(
        @Schema(
                required = true,
                type = SchemaType.ARRAY,
                implementation = AiModelCostRequest.Usage.class,
                minItems = 1,
                maxItems = CostService.MAX_USAGES,
                description = "The usages to price, 1 to 10 000; the answer lists their costs in the same order.")
        List<Usage> usages) {

    /** Tokens used by one request (or any sum of requests) of one model. */
    @Schema(name = "AIModelUsage")
    public record Usage(
            @Schema(required = true, description = "Provider id, e.g. openai.")
            String provider,

            @Schema(required = true, description = "Model id, e.g. gpt-5.4.")
            String model,

            @Schema(
                    required = true,
                    format = "int64",
                    minimum = "0",
                    description = "Input tokens neither read from nor written to the prompt cache.")
            Long inputTokens,

            @Schema(required = true, format = "int64", minimum = "0", description = "Output tokens.")
            Long outputTokens,

            @Schema(required = true, format = "int64", minimum = "0", description = "Input tokens read from the cache.")
            Long cacheReadTokens,

            @Schema(
                    required = true,
                    format = "int64",
                    minimum = "0",
                    description = "Input tokens written to the cache.")
            Long cacheWriteTokens,

            @Schema(nullable = true, description = "A mode of the model, e.g. fast; absent for its base prices.")
            String mode,

            @Schema(
                    nullable = true,
                    // As a string: SmallRye writes a nullable Instant as anyOf [date-time, null].
                    implementation = String.class,
                    format = "date-time",
                    description = "When the tokens were used (RFC 3339): the prices in force then apply. Default:"
                            + " the time of the request.")
            Instant at) {}
}
