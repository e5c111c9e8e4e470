package dev.coderusers.modelprice;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * The last price book seed of this process, from the moment it completed (before that, the series do not exist
 * and {@code coder_users_startup_phase} says why): {@code coder_users_price_book_seed_rows{change}} (inserted,
 * updated, unchanged), {@code coder_users_price_book_seed_duration_seconds},
 * {@code coder_users_price_book_seed_timestamp_seconds} (when it committed) and
 * {@code coder_users_price_book_seed_info{checksum, skipped_by_checksum}} (always 1).
 */
@Singleton
public class PriceBookMetrics {

    private final MeterRegistry registry;
    private final List<Meter> meters = new ArrayList<>();

    public PriceBookMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    synchronized void onApplied(@Observes PriceBookApplied applied) {
        // One seed per start; a second one (tests start the bootstrap again) replaces the first's series.
        meters.forEach(registry::remove);
        meters.clear();
        SeedOutcome outcome = applied.outcome();
        rows("inserted", outcome.inserted());
        rows("updated", outcome.updated());
        rows("unchanged", outcome.unchanged());
        meters.add(Gauge.builder("coder_users.price_book.seed.duration", () -> outcome.millis() / 1000.0)
                .description("How long the last price book seed took, checksum look-up and lock included")
                .baseUnit("seconds")
                .strongReference(true)
                .register(registry));
        double completedAt = applied.completedAt().toEpochMilli() / 1000.0;
        meters.add(Gauge.builder("coder_users.price_book.seed.timestamp", () -> completedAt)
                .description("When the last price book seed committed (Unix time)")
                .baseUnit("seconds")
                .strongReference(true)
                .register(registry));
        meters.add(Gauge.builder("coder_users.price_book.seed.info", () -> 1)
                .description("The last price book seed: its SHA-256 and whether it was skipped as already applied")
                .tag("checksum", outcome.checksum())
                .tag("skipped_by_checksum", Boolean.toString(outcome.skippedByChecksum()))
                .strongReference(true)
                .register(registry));
    }

    private void rows(String change, int count) {
        meters.add(Gauge.builder("coder_users.price_book.seed.rows", () -> count)
                .description("Rows of the last price book seed: inserted, updated (prices changed) or unchanged")
                .tag("change", change)
                .strongReference(true)
                .register(registry));
    }
}
