package dev.coderusers.user;

import dev.coderusers.config.MetricsConfig;
import dev.coderusers.database.DatabaseReady;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * {@code coder_users_users{status}}: the users that are active, dormant and suspended (deleted and system users
 * left out), as a cached gauge. A scrape never waits for the database: it reads the last counts, and when those
 * are older than {@code coder-users.metrics.user-counts-max-age} it starts one count in the background for the
 * next scrape (one {@code GROUP BY} statement; several scrapes at once start one). Until the first count has
 * finished (and while the database is not migrated yet) the gauge is NaN.
 */
@Startup
@ApplicationScoped
public class UserCountMetrics {

    private static final Logger LOG = Logger.getLogger(UserCountMetrics.class);

    private static final String COUNT =
            "SELECT CAST(status AS text), count(*) FROM users" + " WHERE NOT deleted AND NOT is_system GROUP BY status";

    private final AgroalDataSource dataSource;
    private final DatabaseReady startup;
    private final long maxAgeNanos;
    private final AtomicBoolean counting = new AtomicBoolean();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "user-count-metrics");
        thread.setDaemon(true);
        return thread;
    });

    private volatile Map<UserStatus, Long> counts;
    private volatile long countedAt;

    public UserCountMetrics(
            MeterRegistry registry, AgroalDataSource dataSource, DatabaseReady startup, MetricsConfig config) {
        this.dataSource = dataSource;
        this.startup = startup;
        this.maxAgeNanos = config.userCountsMaxAge().toNanos();
        for (UserStatus status : UserStatus.values()) {
            Gauge.builder("coder_users.users", () -> count(status))
                    .description("Users by status (not deleted, no system users); refreshed at most every"
                            + " coder-users.metrics.user-counts-max-age")
                    .tag("status", status.value())
                    .strongReference(true)
                    .register(registry);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        executor.shutdownNow();
    }

    private Double count(UserStatus status) {
        Map<UserStatus, Long> current = counts;
        if (current == null || System.nanoTime() - countedAt > maxAgeNanos) {
            refreshInBackground();
        }
        return current == null ? Double.NaN : current.getOrDefault(status, 0L).doubleValue();
    }

    private void refreshInBackground() {
        if (!startup.isReady() || !counting.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    counts = countNow();
                    countedAt = System.nanoTime();
                } catch (SQLException e) {
                    LOG.warnf("Counting users for the metrics failed: %s", e.getMessage());
                } finally {
                    counting.set(false);
                }
            });
        } catch (RuntimeException rejected) { // shutting down
            counting.set(false);
        }
    }

    private Map<UserStatus, Long> countNow() throws SQLException {
        Map<UserStatus, Long> result = new EnumMap<>(UserStatus.class);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(COUNT);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                String status = rows.getString(1);
                long count = rows.getLong(2);
                UserStatus.parse(status).ifPresent(parsed -> result.put(parsed, count));
            }
        }
        return result;
    }
}
