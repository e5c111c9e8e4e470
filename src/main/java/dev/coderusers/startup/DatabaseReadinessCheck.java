package dev.coderusers.startup;

import dev.coderusers.api.CoderJson;
import dev.coderusers.database.PeriodicTask;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * Readiness of the database, from the last check: a background task checks a pooled connection every
 * {@link #INTERVAL}, and a probe only reads the result. A probe never waits for the database (Kubernetes' probe
 * times out long before a refused connection does), and its answer names no host, port or database: those go
 * to the log when the state changes.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

    static final String NAME = "database";
    static final Duration INTERVAL = Duration.ofSeconds(2);

    private static final Logger LOG = Logger.getLogger(DatabaseReadinessCheck.class);

    private final DataSource dataSource;
    private volatile Boolean reachable;
    private volatile Instant checkedAt;
    private final Clock clock;
    private PeriodicTask task;

    public DatabaseReadinessCheck(DataSource dataSource, Clock clock) {
        this.clock = clock;
        this.dataSource = dataSource;
    }

    void onStart(@Observes StartupEvent event) {
        task = PeriodicTask.start("database-check", INTERVAL, () -> true, this::check);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (task != null) {
            task.close();
        }
    }

    /** Checks a connection of the pool (validated as it is handed out) and records the outcome. */
    void check() {
        boolean now;
        String problem = null;
        try (Connection connection = dataSource.getConnection()) {
            now = connection.isValid((int) INTERVAL.toSeconds());
        } catch (SQLException e) {
            now = false;
            problem = e.getMessage();
        }
        Boolean before = reachable;
        reachable = now;
        checkedAt = CoderJson.now(clock);
        if (before == null || before != now) {
            if (now) {
                LOG.info("Database reachable");
            } else {
                LOG.warnf("Database unreachable: %s", problem == null ? "connection not valid" : problem);
            }
        }
    }

    @Override
    public HealthCheckResponse call() {
        Boolean known = reachable;
        Instant at = checkedAt;
        return HealthCheckResponse.named(NAME)
                .status(Boolean.TRUE.equals(known))
                .withData("state", known == null ? "not_checked_yet" : known ? "reachable" : "unreachable")
                .withData("checked_at", at == null ? "never" : at.toString())
                .build();
    }
}
