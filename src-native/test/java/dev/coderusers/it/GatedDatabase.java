package dev.coderusers.it;

import dev.coderusers.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The suite's PostgreSQL behind a {@link TcpGate} that starts closed: the service under test starts without a
 * reachable database, and the test opens the gate when it has seen that. The gate is injected into the test's
 * {@code TcpGate} field.
 */
public class GatedDatabase implements QuarkusTestResourceLifecycleManager {

    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://)([^/:,]+):(\\d+)(/.*)");

    private TcpGate gate;

    @Override
    public Map<String, String> start() {
        // The same server the rest of the suite uses (embedded, CODER_USERS_TEST_JDBC_URL or a container).
        Map<String, String> database = new HashMap<>(new PostgresTestResource().start());
        String url = database.get("quarkus.datasource.jdbc.url");
        Matcher matcher = URL.matcher(url);
        if (!matcher.matches()) {
            throw new IllegalStateException("Cannot put a gate in front of " + url + ": expected one host and port.");
        }
        try {
            gate = new TcpGate(matcher.group(2), Integer.parseInt(matcher.group(3)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        database.put("quarkus.datasource.jdbc.url", matcher.group(1) + "127.0.0.1:" + gate.port() + matcher.group(4));
        // Retry often, so that the service notices the opened gate soon after the test opens it.
        database.put("coder-users.bootstrap.retry-initial", "100ms");
        database.put("coder-users.bootstrap.retry-max", "500ms");
        return database;
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(gate, new TestInjector.MatchesType(TcpGate.class));
    }

    @Override
    public void stop() {
        try {
            gate.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** After the global {@link PostgresTestResource}, so that this datasource URL is the one the service gets. */
    @Override
    public int order() {
        return 100;
    }
}
