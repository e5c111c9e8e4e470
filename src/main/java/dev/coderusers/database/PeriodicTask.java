package dev.coderusers.database;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;

/**
 * A background job on a daemon thread of its own, run at once and then every {@code interval}, each time
 * {@code ready} says so (e.g. once the database is migrated). A failed run is logged and the next one tries again: housekeeping must never take
 * the service down.
 */
public final class PeriodicTask implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PeriodicTask.class);

    private final ScheduledExecutorService executor;

    private PeriodicTask(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    public static PeriodicTask start(String name, Duration interval, BooleanSupplier ready, Runnable job) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        });
        long millis = Math.max(1, interval.toMillis());
        executor.scheduleWithFixedDelay(
                () -> {
                    if (!ready.getAsBoolean()) {
                        return;
                    }
                    try {
                        job.run();
                    } catch (RuntimeException e) {
                        LOG.warnf("%s failed, retrying in %s: %s", name, interval, LostConnections.rootMessage(e));
                    }
                },
                0,
                millis,
                TimeUnit.MILLISECONDS);
        return new PeriodicTask(executor);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
