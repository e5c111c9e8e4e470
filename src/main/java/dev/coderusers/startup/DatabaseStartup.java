package dev.coderusers.startup;

import dev.coderusers.api.CoderJson;
import dev.coderusers.config.BootstrapConfig;
import dev.coderusers.config.PriceBookConfig;
import dev.coderusers.database.DatabaseReady;
import dev.coderusers.modelprice.InvalidPriceSeedException;
import dev.coderusers.modelprice.PriceBookApplied;
import dev.coderusers.modelprice.PriceSeed;
import dev.coderusers.modelprice.PriceSeeder;
import dev.coderusers.modelprice.SeedOutcome;
import dev.coderusers.usersecret.SecretKeyRotation;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

/**
 * Brings the database up to date after the HTTP server has started: validates the price seed, runs the
 * Flyway migrations, then applies the seed. Readiness ({@code /q/health/ready}) and the API stay
 * unavailable until this has committed.
 *
 * <p>It runs on its own thread because a synchronous {@code StartupEvent} observer blocks the HTTP server:
 * liveness must answer while the database is still unreachable. Database failures are retried with
 * exponential backoff; an invalid seed is not (it will not get better) and leaves the service not ready,
 * with the reason in the health data and the log.
 */
@ApplicationScoped
public class DatabaseStartup {

    private static final Logger LOG = Logger.getLogger(DatabaseStartup.class);

    private final Flyway flyway;
    private final PriceSeeder seeder;
    private final PriceBookConfig priceBook;
    private final BootstrapConfig config;
    private final SecretKeyRotation secretKeys;
    private final Event<PriceBookApplied> priceBookApplied;
    private final DatabaseReady databaseReady;
    private final CountDownLatch ready = new CountDownLatch(1);

    private volatile StartupStatus status = StartupStatus.starting();
    private ScheduledExecutorService executor;
    private final Clock clock;

    public DatabaseStartup(
            Flyway flyway,
            PriceSeeder seeder,
            PriceBookConfig priceBook,
            BootstrapConfig config,
            SecretKeyRotation secretKeys,
            Event<PriceBookApplied> priceBookApplied,
            DatabaseReady databaseReady,
            Clock clock) {
        this.clock = clock;
        this.flyway = flyway;
        this.seeder = seeder;
        this.priceBook = priceBook;
        this.config = config;
        this.secretKeys = secretKeys;
        this.priceBookApplied = priceBookApplied;
        this.databaseReady = databaseReady;
    }

    void onStart(@Observes StartupEvent event) {
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "database-startup");
            thread.setDaemon(true);
            return thread;
        });
        executor.execute(this::start);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /** The current state, as the readiness check and the API gate report it. */
    public StartupStatus status() {
        return status;
    }

    public boolean isReady() {
        return status.phase() == StartupStatus.Phase.READY;
    }

    /** Blocks until the database is ready or the timeout passes; true when ready. */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        return ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * The seed is read and validated once: the retries below wait for the database, not for the file.
     * Package-private for tests, which run it on their own instance.
     */
    void start() {
        PriceSeed seed;
        try {
            seed = loadSeed();
        } catch (InvalidPriceSeedException e) {
            LOG.errorf(
                    "The AI model price book was not applied and the service will not become ready: %s",
                    e.getMessage());
            status = StartupStatus.failed(withoutSource(e.getMessage()));
            return;
        }
        attempt(seed, 1, config.retryInitial());
    }

    private void attempt(PriceSeed seed, int attempt, Duration backoff) {
        try {
            flyway.migrate();
            // Stored secrets that no configured key can read stop the start (they will not become readable).
            secretKeys.checkAndRotate();
            SeedOutcome outcome = seeder.apply(seed);
            LOG.infof(
                    "AI model price book %s (%d rows, sha256 %s): inserted=%d updated=%d unchanged=%d"
                            + " skipped-by-checksum=%s in %d ms",
                    seed.source(),
                    outcome.rows(),
                    outcome.checksum().substring(0, 12),
                    outcome.inserted(),
                    outcome.updated(),
                    outcome.unchanged(),
                    outcome.skippedByChecksum(),
                    outcome.millis());
            status = StartupStatus.ready(publicSource(), outcome);
            databaseReady.markReady();
            ready.countDown();
            // The price book's metrics (PriceBookMetrics).
            priceBookApplied.fire(new PriceBookApplied(outcome, CoderJson.now(clock)));
        } catch (SecretKeyRotation.MissingKeyException e) {
            LOG.errorf("The service will not become ready: %s", e.getMessage());
            status = StartupStatus.failed(e.getMessage());
        } catch (Exception e) {
            String reason = reason(e);
            Duration next = min(backoff.multipliedBy(2), config.retryMax());
            LOG.warnf("Database not ready (attempt %d): %s; retrying in %d ms", attempt, reason, backoff.toMillis());
            status = StartupStatus.waiting(attempt, publicReason(e));
            if (!executor.isShutdown()) {
                executor.schedule(() -> attempt(seed, attempt + 1, next), backoff.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    private PriceSeed loadSeed() throws InvalidPriceSeedException {
        if (priceBook.seedFile().isPresent()) {
            var file = priceBook.seedFile().get();
            long limit = priceBook.maxSeedFileSize().asLongValue();
            try (InputStream in = Files.newInputStream(file)) {
                // Read at most one byte past the limit: a huge file is refused without being loaded whole.
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
                if (bytes.length > limit) {
                    throw new InvalidPriceSeedException(file + ": is larger than " + limit
                            + " bytes, the limit set by coder-users.price-book.max-seed-file-size");
                }
                return PriceSeed.parse(file.toString(), bytes);
            } catch (IOException e) {
                throw new InvalidPriceSeedException(file + ": cannot be read: " + e.getMessage(), e);
            }
        }
        try (InputStream in =
                Thread.currentThread().getContextClassLoader().getResourceAsStream(PriceBookConfig.EMBEDDED_SEED)) {
            if (in == null) {
                throw new InvalidPriceSeedException(
                        PriceBookConfig.EMBEDDED_SEED + ": not found on the classpath; the build must embed it");
            }
            return PriceSeed.parse(PriceBookConfig.EMBEDDED_SEED, in.readAllBytes());
        } catch (IOException e) {
            throw new InvalidPriceSeedException(
                    PriceBookConfig.EMBEDDED_SEED + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Where the seed came from, as unauthenticated callers may see it: the embedded seed's classpath name, or
     * the name of the setting that points at a file (the file's path stays in the log).
     */
    private String publicSource() {
        return priceBook.seedFile().isPresent() ? "coder-users.price-book.seed-file" : PriceBookConfig.EMBEDDED_SEED;
    }

    /** A seed problem without the file's path in front: row and field are what the caller needs. */
    private String withoutSource(String message) {
        String source = priceBook.seedFile().map(Object::toString).orElse(PriceBookConfig.EMBEDDED_SEED) + ": ";
        return message.startsWith(source) ? message.substring(source.length()) : message;
    }

    /**
     * Why the database is not ready, without host, port, database or user names (those are in the log): the
     * readiness answer and the API's 503 are served to anyone.
     */
    static String publicReason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("28")) {
                    return "The database refused the service's credentials; retrying.";
                }
                if (state.equals("3D000")) {
                    return "The configured database does not exist; retrying.";
                }
                if (state.startsWith("08") || state.startsWith("57P")) {
                    return "The database cannot be reached; retrying.";
                }
            }
            if (t instanceof org.flywaydb.core.api.FlywayException && !(t.getCause() instanceof SQLException)) {
                return "The database migrations failed; retrying.";
            }
        }
        return "The database is not ready; retrying.";
    }

    /**
     * The most telling message of the chain: the innermost {@link SQLException}'s (the driver names the host
     * and port, as in "Connection to db:5432 refused"), else the root cause's ("Connection refused" alone
     * does not say which database).
     */
    private static String reason(Throwable e) {
        Throwable root = e;
        String sqlMessage = null;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            root = t;
            if (t instanceof SQLException && t.getMessage() != null) {
                sqlMessage = t.getMessage();
            }
        }
        String message = sqlMessage != null
                ? sqlMessage
                : root.getMessage() != null
                        ? root.getMessage()
                        : root.getClass().getSimpleName();
        return message.lines().findFirst().orElse(message);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
