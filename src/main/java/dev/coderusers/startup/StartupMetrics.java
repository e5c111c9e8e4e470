package dev.coderusers.startup;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.util.Locale;

/**
 * {@code coder_users_startup_phase{phase}}: 1 for the phase the database start-up is in (starting,
 * waiting_for_database, ready, failed), 0 for the others - the phase of the readiness check
 * {@code ai-model-price-seed}, read at each scrape. Only the phase: its detail (which database, which file) is the
 * log's.
 */
@Startup
@Singleton
public class StartupMetrics {

    public StartupMetrics(MeterRegistry registry, DatabaseStartup startup) {
        for (StartupStatus.Phase phase : StartupStatus.Phase.values()) {
            Gauge.builder("coder_users.startup.phase", () -> startup.status().phase() == phase ? 1 : 0)
                    .description("1 for the current phase of the database start-up (migrations, price book), 0 for"
                            + " the others; ready means the service answers")
                    .tag("phase", phase.name().toLowerCase(Locale.ROOT))
                    .strongReference(true)
                    .register(registry);
        }
    }
}
