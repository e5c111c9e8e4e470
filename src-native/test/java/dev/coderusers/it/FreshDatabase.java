package dev.coderusers.it;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points the service under test at an {@link ItDatabase} of its own: a test class that needs a first start
 * (no users yet, the price book never applied) gets one whatever ran before it.
 */
public class FreshDatabase implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return ItDatabase.fresh().config();
    }

    @Override
    public void stop() {
        // The database is dropped with the suite's server.
    }

    /** After the global {@code PostgresTestResource}, so that this datasource is the one the service gets. */
    @Override
    public int order() {
        return 100;
    }
}
