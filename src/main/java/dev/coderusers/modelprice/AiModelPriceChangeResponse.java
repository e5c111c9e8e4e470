package dev.coderusers.modelprice;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The API form of a {@link PriceChange}. */
@Schema(
        name = "AIModelPriceChange",
        description = "A change of a model's prices by the seed or an owner. Prices: the price list after the"
                + " change, micro-USD per 1 000 000 tokens; null = unknown, 0 = free.")
public record AiModelPriceChangeResponse(
        @Schema(required = true, format = "int64", description = "Increases with every change recorded.")
        long id,

        @Schema(required = true) String provider,
        @Schema(required = true) String model,

        @Schema(
                required = true,
                enumeration = {"seed", "owner"},
                description = "seed: the seed file's price list; owner: an owner's, which wins over the seed's"
                        + " while set.")
        String source,

        @Schema(
                required = true,
                enumeration = {"set", "cleared"},
                description = "cleared: the owner's price was cleared and the seed's (if any) applies again.")
        String action,

        @Schema(required = true, format = "date-time", description = "When the change took effect.")
        Instant effectiveAt,

        @Schema(nullable = true, description = "SHA-256 of the seed file that made the change.")
        String seedChecksum,

        @Schema(
                nullable = true,
                type = SchemaType.STRING,
                format = "uuid",
                description = "The owner (user id) who made the change.")
        String changedBy,

        @Schema(nullable = true) Long inputPrice,
        @Schema(nullable = true) Long outputPrice,
        @Schema(nullable = true) Long cacheReadPrice,
        @Schema(nullable = true) Long cacheWritePrice,

        @Schema(required = true, type = SchemaType.ARRAY, implementation = AiModelPriceTier.class)
        List<AiModelPriceTier> tiers,

        @Schema(required = true) Map<String, AiModelPriceMode> modes) {

    static AiModelPriceChangeResponse of(PriceChange change) {
        PriceBookRow prices = change.prices();
        Map<String, AiModelPriceMode> modes = new LinkedHashMap<>();
        if (prices != null) {
            prices.modes().forEach((name, mode) -> modes.put(name, AiModelPriceMode.of(mode)));
        }
        return new AiModelPriceChangeResponse(
                change.id(),
                change.model().provider(),
                change.model().model(),
                change.source().stored(),
                change.cleared() ? "cleared" : "set",
                change.effectiveAt(),
                change.seedChecksum(),
                // A string, not a UUID: SmallRye writes a nullable UUID as anyOf [uuid, null], which clients mistake.
                change.changedBy() == null ? null : change.changedBy().toString(),
                prices == null ? null : prices.inputPrice(),
                prices == null ? null : prices.outputPrice(),
                prices == null ? null : prices.cacheReadPrice(),
                prices == null ? null : prices.cacheWritePrice(),
                prices == null
                        ? List.of()
                        : prices.tiers().stream().map(AiModelPriceTier::of).toList(),
                modes);
    }
}
