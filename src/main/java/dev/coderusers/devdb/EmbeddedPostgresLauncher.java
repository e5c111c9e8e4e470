package dev.coderusers.devdb;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Starts one embedded PostgreSQL per JVM, for dev mode (data kept in a directory under {@code target/} so
 * that users and tokens survive a restart of {@code quarkus:dev}) and for the tests (data wiped first).
 *
 * <p>Dev mode and the test framework re-create class loaders (hot reload, test profiles) and read
 * configuration more than once, so the running server is remembered in a system property rather than a
 * static field; the server stops with the JVM.
 */
public final class EmbeddedPostgresLauncher {

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgresLauncher.class);
    private static final String RUNNING_URL = "coder-users.dev.embedded-postgres.running-url";

    private EmbeddedPostgresLauncher() {}

    /** Starts the server for dev mode, keeping earlier data; see {@link #start(String, int, boolean)}. */
    public static synchronized Map<String, String> start(String dataDir, int port) {
        return start(dataDir, port, false);
    }

    /**
     * Starts the server (or finds the one already running in this JVM) and returns the datasource settings.
     *
     * @param clean wipe the data directory first (tests), or keep what an earlier run left (dev mode)
     */
    public static synchronized Map<String, String> start(String dataDir, int port, boolean clean) {
        String url = System.getProperty(RUNNING_URL);
        if (url == null) {
            try {
                Path dir = Path.of(dataDir).toAbsolutePath();
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                        .setDataDirectory(dir)
                        .setCleanDataDirectory(clean)
                        .setRegisterShutdownHook(true);
                if (port > 0) {
                    builder.setPort(port);
                }
                EmbeddedPostgres postgres = builder.start();
                url = postgres.getJdbcUrl("postgres", "postgres");
                System.setProperty(RUNNING_URL, url);
                LOG.infof("Started embedded PostgreSQL on port %d (data in %s)", postgres.getPort(), dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }
}
