package dev.coderusers.modelprice;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of {@code ai_model_price_history}: a change of a model's price list by the seed or by an owner.
 *
 * @param prices the price list after the change; {@code null} when an owner cleared their price
 * @param seedChecksum the seed file that made the change ({@code null} for owners, and for the records the
 *     history was started with)
 * @param changedBy the owner who made the change ({@code null} for the seed)
 */
public record PriceChange(
        long id,
        ModelKey model,
        Source source,
        String seedChecksum,
        UUID changedBy,
        Instant effectiveAt,
        PriceBookRow prices) {

    /** Who set a price: the seed file, or an owner (whose price wins while it is set). */
    public enum Source {
        SEED("seed"),
        OWNER("owner");

        private final String stored;

        Source(String stored) {
            this.stored = stored;
        }

        /** The value in the {@code source} columns and in the API. */
        public String stored() {
            return stored;
        }

        static Source of(String stored) {
            return stored.equals(SEED.stored) ? SEED : OWNER;
        }
    }

    public boolean cleared() {
        return prices == null;
    }
}
