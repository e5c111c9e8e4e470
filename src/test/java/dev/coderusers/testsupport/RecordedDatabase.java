package dev.coderusers.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The suite's PostgreSQL behind a {@link PostgresWireRecorder}, for tests that pin how many statements and round
 * trips a request costs. The recorder is injected into the test's {@code PostgresWireRecorder} field.
 */
public class RecordedDatabase implements QuarkusTestResourceLifecycleManager {

    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://)([^/:,]+):(\\d+)(/[^?]*)(\\?.*)?");

    private PostgresWireRecorder recorder;

    @Override
    public Map<String, String> start() {
        // The same server the rest of the suite uses (embedded, CODER_USERS_TEST_JDBC_URL or a container).
        Map<String, String> database = new HashMap<>(new PostgresTestResource().start());
        String url = database.get("quarkus.datasource.jdbc.url");
        Matcher matcher = URL.matcher(url);
        if (!matcher.matches()) {
            throw new IllegalStateException("Cannot record the traffic to " + url + ": expected one host and port.");
        }
        try {
            recorder = PostgresWireRecorder.start(
                    new InetSocketAddress(matcher.group(2), Integer.parseInt(matcher.group(3))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String parameters = matcher.group(5) == null ? "?" : matcher.group(5) + "&";
        // Unencrypted, so that the recorder can read the protocol.
        database.put(
                "quarkus.datasource.jdbc.url",
                matcher.group(1) + "127.0.0.1:" + recorder.port() + matcher.group(4) + parameters + "sslmode=disable");
        return database;
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(recorder, new TestInjector.MatchesType(PostgresWireRecorder.class));
    }

    @Override
    public void stop() {
        recorder.close();
    }

    /** After the global {@link PostgresTestResource}, so that this datasource URL is the one the service gets. */
    @Override
    public int order() {
        return 100;
    }
}
