package dev.coderusers.security;

import dev.coderusers.config.AuthConfig;
import dev.coderusers.database.DatabaseReady;
import dev.coderusers.database.PeriodicTask;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The counters of the login rate limit, kept in PostgreSQL ({@code rate_limit_windows}, the one owner of that
 * table) so that every replica on the database counts the same attempts: two instances refuse the 61st
 * attempt whichever of them served the first 60.
 *
 * <p>The algorithm is the sliding window of the {@code httprate} limiter Coder uses: the estimate is the
 * current fixed window's count plus the previous window's count weighted by how much of it still overlaps
 * the sliding window. One statement per attempt reads the previous window and counts the attempt in the
 * current one only when the estimate stays within the limit (a refused attempt is not counted); the
 * upsert's row lock makes concurrent attempts, from any replica, count exactly.
 */
@ApplicationScoped
public class RateLimitWindows {

    /** The window of the limit: Coder's login limit is per minute. */
    static final Duration WINDOW = Duration.ofMinutes(1);

    /** Expired windows are deleted this often; one in flight at a time, replicas may overlap harmlessly. */
    static final Duration CLEANUP_INTERVAL = Duration.ofMinutes(1);

    // Plain JDBC, one statement in autocommit: the attempt is its own transaction, and needs no BEGIN or COMMIT
    // round trips of its own in front of every sign-in.
    private static final String ATTEMPT = """
            WITH params AS (
                SELECT CAST(? AS text) AS operation, CAST(? AS text) AS subject, CAST(? AS int) AS max_hits,
                       CAST(? AS int) AS seconds),
            bounds AS (
                SELECT date_bin(make_interval(secs => p.seconds), now(), TIMESTAMPTZ '2000-01-01 00:00:00+00') AS start,
                       now() AS at
                FROM params p),
            previous AS (
                SELECT coalesce((SELECT w.hits FROM rate_limit_windows w
                                 WHERE w.operation = p.operation AND w.subject = p.subject
                                   AND w.window_start = b.start - make_interval(secs => p.seconds)), 0)
                       * (1 - extract(epoch FROM b.at - b.start) / p.seconds) AS weighted,
                       b.start
                FROM bounds b, params p)
            INSERT INTO rate_limit_windows AS w (operation, subject, window_start, hits)
            SELECT p.operation, p.subject, pr.start, 1 FROM previous pr, params p WHERE pr.weighted + 1 <= p.max_hits
            ON CONFLICT (operation, subject, window_start) DO UPDATE SET hits = w.hits + 1
                WHERE (SELECT weighted FROM previous) + w.hits + 1 <= (SELECT max_hits FROM params)
            RETURNING w.hits""";

    private final EntityManager entityManager;
    private final AgroalDataSource dataSource;
    private final AuthConfig config;
    private final DatabaseReady startup;
    private PeriodicTask cleanup;

    public RateLimitWindows(
            EntityManager entityManager, AgroalDataSource dataSource, AuthConfig config, DatabaseReady startup) {
        this.entityManager = entityManager;
        this.dataSource = dataSource;
        this.config = config;
        this.startup = startup;
    }

    void onStart(@Observes StartupEvent event) {
        cleanup = PeriodicTask.start("rate-limit-cleanup", CLEANUP_INTERVAL, startup::isReady, this::deleteExpired);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (cleanup != null) {
            cleanup.close();
        }
    }

    /** The requests allowed per window and subject. */
    public int limit() {
        return config.loginRateLimitPerMinute();
    }

    /** Counts an attempt at {@code operation} by {@code subject}; false when it is over the limit (not counted). */
    public boolean tryAcquire(String operation, String subject) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(ATTEMPT)) {
            statement.setString(1, operation);
            statement.setString(2, subject);
            statement.setInt(3, limit());
            statement.setInt(4, (int) WINDOW.toSeconds());
            try (ResultSet counted = statement.executeQuery()) {
                return counted.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Counting a sign-in attempt failed", e);
        }
    }

    /** Deletes the windows that no estimate reads any more (older than the previous one). */
    @Transactional
    public int deleteExpired() {
        return entityManager
                .createNativeQuery(
                        "DELETE FROM rate_limit_windows WHERE window_start < now() - make_interval(secs => ?1)")
                .setParameter(1, (int) (2 * WINDOW.toSeconds()))
                .executeUpdate();
    }
}
