package dev.coderusers.operations;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * The operations features switched on as an operator would: access log, tracing to an OTLP endpoint (a receiver
 * in the test, {@link OtlpReceiver}), a login limit of 3 a minute that a test can reach, and user counts that are
 * never reused (every scrape starts a new count).
 */
public class OperationsProfile implements QuarkusTestProfile {

    public static final int LOGIN_LIMIT = 3;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "coder-users.auth.login-rate-limit-per-minute", Integer.toString(LOGIN_LIMIT),
                "coder-users.metrics.user-counts-max-age", "0s",
                "coder-users.access-log.enabled", "true",
                "quarkus.otel.sdk.disabled", "false",
                "quarkus.otel.exporter.otlp.traces.protocol", "http/protobuf",
                "quarkus.otel.bsp.schedule.delay", "100ms");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(OtlpReceiver.class));
    }
}
