package dev.coderusers.modelprice;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer of {@code POST /api/v2/ai-model-prices/cost}. */
@Schema(
        name = "AIModelCostResponse",
        description = "Costs in micro-USD (1 USD = 1 000 000). Each component is exact: tokens x price / 1 000 000,"
                + " with up to six decimals, never rounded. A usage's total is the exact sum of its components"
                + " rounded half-even to a whole micro-USD. The batch's total is the sum of the usages' totals.")
public record AiModelCostResponse(
        @Schema(
                required = true,
                format = "date-time",
                description = "The time of the request: the time of every usage given without one.")
        Instant pricedAt,

        @Schema(
                required = true,
                nullable = true,
                format = "int64",
                description = "The sum of the usages' total_micros; null when any of them is null.")
        Long totalMicros,

        @Schema(required = true, format = "int32", description = "Usages whose total_micros is null.")
        int unpricedUsages,

        @Schema(
                required = true,
                type = SchemaType.ARRAY,
                implementation = AiModelCostResponse.UsageCost.class,
                description = "One cost per usage, in the order of the request.")
        List<UsageCost> results) {

    /** The cost of one usage. */
    @Schema(name = "AIModelUsageCost")
    public record UsageCost(
            @Schema(required = true) String provider,
            @Schema(required = true) String model,

            @Schema(required = true, nullable = true, description = "The mode priced, or null for base prices.")
            String mode,

            @Schema(required = true, format = "date-time", description = "The time whose prices were used.")
            Instant at,

            @Schema(
                    required = true,
                    nullable = true,
                    enumeration = {"seed", "owner"},
                    description = "Who set the prices used; null when the model had no price at that time.")
            String source,

            @Schema(
                    required = true,
                    nullable = true,
                    // As a string: SmallRye writes a nullable Instant as anyOf [date-time, null].
                    implementation = String.class,
                    format = "date-time",
                    description = "Since when the price list used was in force.")
            Instant priceSince,

            @Schema(
                    required = true,
                    nullable = true,
                    format = "int64",
                    description = "The tier whose prices were used (its above_input_tokens), or null for the base"
                            + " prices.")
            Long tierAboveInputTokens,

            @Schema(required = true, nullable = true, description = MICROS + "Input tokens.")
            BigDecimal inputMicros,

            @Schema(required = true, nullable = true, description = MICROS + "Output tokens.")
            BigDecimal outputMicros,

            @Schema(required = true, nullable = true, description = MICROS + "Cache reads.")
            BigDecimal cacheReadMicros,

            @Schema(required = true, nullable = true, description = MICROS + "Cache writes.")
            BigDecimal cacheWriteMicros,

            @Schema(
                    required = true,
                    nullable = true,
                    format = "int64",
                    description = "Micro-USD, the exact sum rounded half-even; null when a component is null.")
            Long totalMicros,

            @Schema(
                    required = true,
                    type = SchemaType.ARRAY,
                    implementation = Unpriced.class,
                    description = "Why each null cost is null; empty when the usage is fully priced.")
            List<Unpriced> unpriced) {

        static final String MICROS = "Exact micro-USD (up to six decimals); null when the price is unknown and"
                + " tokens were used (a component without tokens costs 0). ";

        static UsageCost of(dev.coderusers.modelprice.UsageCost cost) {
            Usage usage = cost.usage();
            return new UsageCost(
                    usage.provider(),
                    usage.model(),
                    usage.mode(),
                    usage.at(),
                    cost.source() == null ? null : cost.source().stored(),
                    cost.priceSince(),
                    cost.tierAboveInputTokens(),
                    cost.inputCost(),
                    cost.outputCost(),
                    cost.cacheReadCost(),
                    cost.cacheWriteCost(),
                    cost.total(),
                    cost.unpriced().isEmpty()
                            ? List.of()
                            : cost.unpriced().stream()
                                    .map(u -> new Unpriced(u.component(), u.reason()))
                                    .toList());
        }
    }

    /** A cost that could not be given, and why. */
    @Schema(name = "AIModelUnpricedComponent")
    public record Unpriced(
            @Schema(
                    required = true,
                    enumeration = {"input", "output", "cache_read", "cache_write", "total"},
                    description = "The cost that is null (total: it would not fit in 64 bits).")
            String component,

            @Schema(required = true) String reason) {}
}
