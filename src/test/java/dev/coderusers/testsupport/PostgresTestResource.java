package dev.coderusers.testsupport;

import dev.coderusers.devdb.EmbeddedPostgresLauncher;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The real PostgreSQL every test runs against, chosen in this order:
 *
 * <ol>
 *   <li>{@code CODER_USERS_TEST_JDBC_URL} (with {@code CODER_USERS_TEST_DB_USERNAME} /
 *       {@code CODER_USERS_TEST_DB_PASSWORD}): any server you point it at;
 *   <li>{@code -Dcoder-users.test.db=testcontainers} (or {@code CODER_USERS_TEST_DB=testcontainers}): a
 *       PostgreSQL container, where Docker exists;
 *   <li>otherwise an embedded PostgreSQL server process (no Docker, nothing to install), one per JVM.
 * </ol>
 *
 * Never H2, never a mock.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    /**
     * System property holding the JDBC URL of the server in use, for tests that reach it by other means than
     * the datasource (e.g. a forwarder to it while their own profile points the datasource elsewhere).
     */
    public static final String URL_IN_USE = "coder-users.test.jdbc-url-in-use";

    private static PostgreSQLContainer container;

    @Override
    public Map<String, String> start() {
        Map<String, String> datasource = choose();
        System.setProperty(URL_IN_USE, datasource.get("quarkus.datasource.jdbc.url"));
        return datasource;
    }

    private static Map<String, String> choose() {
        String url = setting("CODER_USERS_TEST_JDBC_URL", "coder-users.test.jdbc-url");
        if (url != null) {
            return Map.of(
                    "quarkus.datasource.jdbc.url", url,
                    "quarkus.datasource.username", orElse(setting("CODER_USERS_TEST_DB_USERNAME", null), "postgres"),
                    "quarkus.datasource.password", orElse(setting("CODER_USERS_TEST_DB_PASSWORD", null), ""));
        }
        if ("testcontainers".equalsIgnoreCase(setting("CODER_USERS_TEST_DB", "coder-users.test.db"))) {
            return startContainer();
        }
        return EmbeddedPostgresLauncher.start("target/test-postgres", 0, true);
    }

    private static synchronized Map<String, String> startContainer() {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw new IllegalStateException(
                    "coder-users.test.db=testcontainers needs a Docker engine; none is available."
                            + " Leave the setting out to use the embedded PostgreSQL.");
        }
        if (container == null) {
            container = new PostgreSQLContainer("postgres:15-alpine");
            container.start();
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", container.getJdbcUrl(),
                "quarkus.datasource.username", container.getUsername(),
                "quarkus.datasource.password", container.getPassword());
    }

    @Override
    public void stop() {
        // The database lives as long as the JVM: restarting the application for another test profile
        // reuses it instead of paying for a new server.
    }

    private static String setting(String env, String property) {
        String value = property == null ? null : System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String orElse(String value, String fallback) {
        return value != null ? value : fallback;
    }
}
