package dev.coderusers.modelprice;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which price list of one model was in force when, worked out from its history: an owner's price while one is
 * set, else the seed's latest. A change takes effect at its {@code effective_at}; a usage at that very instant
 * is priced with the new list.
 */
public final class PriceTimeline {

    /**
     * From {@code since} until the next period, {@code prices} (set by {@code source}) were in force;
     * {@code prices} is {@code null} when the model had no price then (an owner cleared the only one).
     */
    public record Period(Instant since, PriceBookRow prices, PriceChange.Source source) {}

    private final List<Period> periods;

    private PriceTimeline(List<Period> periods) {
        this.periods = periods;
    }

    /** The timeline of one model from its changes in the order of {@link PriceHistory#changesOf}. */
    public static PriceTimeline of(List<PriceChange> changes) {
        List<Period> periods = new ArrayList<>(changes.size());
        PriceBookRow seed = null;
        PriceBookRow owner = null;
        for (PriceChange change : changes) {
            if (change.source() == PriceChange.Source.SEED) {
                seed = change.prices();
            } else {
                owner = change.prices();
            }
            Period period = owner != null
                    ? new Period(change.effectiveAt(), owner, PriceChange.Source.OWNER)
                    : new Period(change.effectiveAt(), seed, seed == null ? null : PriceChange.Source.SEED);
            Period last = periods.isEmpty() ? null : periods.get(periods.size() - 1);
            if (last != null && last.source() == period.source() && Objects.equals(last.prices(), period.prices())) {
                // Nothing in force changed (e.g. the seed changed under an owner's price): still the same period.
                continue;
            }
            if (last != null && last.since().equals(period.since())) {
                // Several changes at one instant: the last one stands.
                periods.set(periods.size() - 1, period);
            } else {
                periods.add(period);
            }
        }
        return new PriceTimeline(List.copyOf(periods));
    }

    /** The period in force at {@code at}, or {@code null} when {@code at} is before the first change. */
    public Period at(Instant at) {
        int low = 0;
        int high = periods.size() - 1;
        Period found = null;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            Period period = periods.get(middle);
            if (period.since().isAfter(at)) {
                high = middle - 1;
            } else {
                found = period;
                low = middle + 1;
            }
        }
        return found;
    }

    /** When the model first had a recorded price, or {@code null} without any change. */
    public Instant first() {
        return periods.isEmpty() ? null : periods.get(0).since();
    }
}
