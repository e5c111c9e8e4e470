package dev.coderusers.apikey;

import dev.coderusers.api.CoderJson;
import dev.coderusers.config.PurgeConfig;
import dev.coderusers.database.DatabaseReady;
import dev.coderusers.database.PeriodicTask;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.OptionalInt;
import org.jboss.logging.Logger;

/**
 * Deletes API keys that expired more than the retention ago, as Coder's dbpurge does: every sign-in adds a
 * 24-hour key, and without this the table only grows. Runs every {@code coder-users.purge.interval} on each
 * replica; an advisory lock lets one replica at a time do the work, the others skip that round.
 */
@ApplicationScoped
public class ExpiredApiKeyPurge {

    private static final Logger LOG = Logger.getLogger(ExpiredApiKeyPurge.class);

    /** Held for the purge's transaction by the one replica that purges. */
    private static final long PURGE_LOCK_KEY = 0x4f1e_7a3b_2c9d_0e17L;

    /** Keys deleted per statement at most, as Coder's batch, so that one run never holds locks for long. */
    static final int BATCH = 10_000;

    private final EntityManager entityManager;
    private final PurgeConfig config;
    private final DatabaseReady startup;
    private final Clock clock;
    private PeriodicTask task;

    public ExpiredApiKeyPurge(EntityManager entityManager, PurgeConfig config, DatabaseReady startup, Clock clock) {
        this.clock = clock;
        this.entityManager = entityManager;
        this.config = config;
        this.startup = startup;
    }

    void onStart(@Observes StartupEvent event) {
        task = PeriodicTask.start(
                "api-key-purge", config.interval(), startup::isReady, () -> purge(CoderJson.now(clock)));
    }

    void onStop(@Observes ShutdownEvent event) {
        if (task != null) {
            task.close();
        }
    }

    /**
     * Deletes up to {@link #BATCH} keys that expired before {@code now} minus the retention.
     *
     * @return how many were deleted; empty when another replica holds the purge lock
     */
    @Transactional
    public OptionalInt purge(Instant now) {
        boolean locked = (Boolean) entityManager
                .createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                .setParameter(1, PURGE_LOCK_KEY)
                .getSingleResult();
        if (!locked) {
            return OptionalInt.empty();
        }
        int deleted = entityManager
                .createNativeQuery("DELETE FROM api_keys WHERE id IN"
                        + " (SELECT id FROM api_keys WHERE expires_at < ?1 LIMIT ?2)")
                .setParameter(1, now.minus(config.apiKeysRetention()))
                .setParameter(2, BATCH)
                .executeUpdate();
        if (deleted > 0) {
            LOG.infof("Deleted %d API keys expired for more than %s", deleted, config.apiKeysRetention());
        }
        return OptionalInt.of(deleted);
    }
}
