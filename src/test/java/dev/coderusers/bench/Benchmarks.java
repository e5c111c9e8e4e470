package dev.coderusers.bench;

import dev.coderusers.devdb.EmbeddedPostgresLauncher;
import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/** What the benchmarks share: their settings, the database they run on, a small pool, medians and invariants. */
final class Benchmarks {

    /** Held so that the quieted loggers' levels are not collected with them. */
    private static final List<Logger> QUIETED = new ArrayList<>();

    private Benchmarks() {}

    /** An environment variable, trimmed; {@code fallback} when it is unset or blank. */
    static String setting(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    /**
     * The server named by {@code BENCH_JDBC_URL} (with {@code BENCH_DB_USERNAME} / {@code BENCH_DB_PASSWORD}), else
     * an embedded PostgreSQL in {@code target/bench-postgres}; as Quarkus' datasource settings.
     */
    static Map<String, String> database(String passwordFallback) {
        String url = setting("BENCH_JDBC_URL", null);
        if (url != null) {
            return Map.of(
                    "quarkus.datasource.jdbc.url", url,
                    "quarkus.datasource.username", setting("BENCH_DB_USERNAME", "postgres"),
                    "quarkus.datasource.password", setting("BENCH_DB_PASSWORD", passwordFallback));
        }
        return EmbeddedPostgresLauncher.start("target/bench-postgres", 0, true);
    }

    /** A pool of {@code size} connections to {@code database}, every statement in {@code schema}. */
    static AgroalDataSource pool(Map<String, String> database, String schema, int size) throws SQLException {
        AgroalDataSourceConfigurationSupplier configuration = new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(pool -> pool.initialSize(size)
                        .minSize(size)
                        .maxSize(size)
                        .acquisitionTimeout(Duration.ofSeconds(30))
                        .connectionFactoryConfiguration(
                                factory -> factory.jdbcUrl(database.get("quarkus.datasource.jdbc.url"))
                                        .principal(new NamePrincipal(database.get("quarkus.datasource.username")))
                                        .credential(new SimplePassword(database.get("quarkus.datasource.password")))
                                        .jdbcProperty("currentSchema", schema)));
        return AgroalDataSource.from(configuration);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    static void expect(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("Benchmark invariant broken: " + what);
        }
    }

    /** The embedded server, Flyway and the pool log every start; the benchmark's table is what matters. */
    static void quietLibraries() {
        for (String name : List.of("io.zonky", "org.flywaydb", "io.agroal", "dev.coderusers.devdb")) {
            Logger logger = Logger.getLogger(name);
            logger.setLevel(Level.WARNING);
            QUIETED.add(logger);
        }
    }
}
