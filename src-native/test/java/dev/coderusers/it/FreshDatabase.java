package dev.coderusers.it;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points the service under test at an {@link ItDatabase} of its own: a test class that needs a first start
 * (no users yet, the price book never applied) gets one whatever ran before it.
 */
public class FreshDatabase implements QuarkusTestResourceLifecycleManager {

    private ItDatabase database;

    @Override
    public Map<String, String> start() {
        database = ItDatabase.fresh();
        return database.config();
    }

    /** A test that reads what the service stored declares an {@code ItDatabase} field. */
    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(database, new TestInjector.MatchesType(ItDatabase.class));
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
