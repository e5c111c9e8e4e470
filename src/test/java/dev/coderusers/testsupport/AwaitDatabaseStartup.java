package dev.coderusers.testsupport;

import dev.coderusers.startup.DatabaseStartup;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import java.time.Duration;

/**
 * The database start-up runs in the background (so that the HTTP server answers at once); every test
 * waits for it before running, unless its class is annotated {@link ObservesStartup}.
 */
public class AwaitDatabaseStartup implements QuarkusTestBeforeEachCallback {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (context.getTestInstance().getClass().isAnnotationPresent(ObservesStartup.class)) {
            return;
        }
        DatabaseStartup startup =
                Arc.container().instance(DatabaseStartup.class).get();
        try {
            if (!startup.awaitReady(TIMEOUT)) {
                throw new IllegalStateException(
                        "The database did not become ready within " + TIMEOUT + ": " + startup.status());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
