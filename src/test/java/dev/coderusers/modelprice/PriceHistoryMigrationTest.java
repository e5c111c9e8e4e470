package dev.coderusers.modelprice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * V15 (the price history) on a database that already has a price book (every deployment before the history existed): each row
 * becomes the first history record of its model, in force since its {@code updated_at}. Run in a schema of its
 * own on the test suite's server, migrated step by step as an upgrade would be.
 */
@QuarkusTest
class PriceHistoryMigrationTest {

    private static final String SCHEMA = "price_history_migration";

    @AfterEach
    void dropSchema() throws SQLException {
        execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
    }

    @Test
    void theExistingPriceBookBecomesTheFirstRecordOfEachModel() throws SQLException {
        execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        flyway(lastVersionBeforeHistory()).migrate();
        execute("INSERT INTO " + SCHEMA + ".ai_model_prices (provider, model, input_price, output_price,"
                + " cache_read_price, cache_write_price, created_at, updated_at) VALUES"
                + " ('openai', 'gpt-4o', 2500000, 10000000, 1250000, NULL,"
                + " '2026-01-01T00:00:00Z', '2026-03-01T12:00:00Z'),"
                + " ('mistral', 'mistral-large', 2000000, 6000000, NULL, 0,"
                + " '2025-01-02T03:04:05Z', '2025-02-03T04:05:06Z')");

        flyway(null).migrate();

        List<Object> history = new ArrayList<>();
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT provider, model, source, seed_checksum,"
                        + " changed_by, cleared, effective_at, input_price, output_price, cache_read_price,"
                        + " cache_write_price, tiers::text, modes::text FROM " + SCHEMA + ".ai_model_price_history"
                        + " ORDER BY provider, model")) {
            while (result.next()) {
                history.add(tuple(
                        result.getString(1),
                        result.getString(2),
                        result.getString(3),
                        result.getString(4),
                        result.getString(5),
                        result.getBoolean(6),
                        result.getObject(7, OffsetDateTime.class).toInstant().toString(),
                        result.getObject(8, Long.class),
                        result.getObject(9, Long.class),
                        result.getObject(10, Long.class),
                        result.getObject(11, Long.class),
                        result.getString(12),
                        result.getString(13)));
            }
        }
        assertThat(history)
                .containsExactly(
                        tuple(
                                "mistral",
                                "mistral-large",
                                "seed",
                                null,
                                null,
                                false,
                                "2025-02-03T04:05:06Z",
                                2_000_000L,
                                6_000_000L,
                                null,
                                0L,
                                "[]",
                                "{}"),
                        tuple(
                                "openai",
                                "gpt-4o",
                                "seed",
                                null,
                                null,
                                false,
                                "2026-03-01T12:00:00Z",
                                2_500_000L,
                                10_000_000L,
                                1_250_000L,
                                null,
                                "[]",
                                "{}"));
    }

    /** The newest migration below V15, as the database was before it. */
    private static String lastVersionBeforeHistory() {
        return Arrays.stream(flyway(null).info().all())
                .map(MigrationInfo::getVersion)
                .filter(version -> version.compareTo(MigrationVersion.fromVersion("15")) < 0)
                .max(Comparable::compareTo)
                .orElseThrow()
                .getVersion();
    }

    private static Flyway flyway(String target) {
        var configuration = Flyway.configure()
                .dataSource(url(), user(), password())
                .schemas(SCHEMA)
                .defaultSchema(SCHEMA)
                .createSchemas(true)
                .locations("classpath:db/migration");
        if (target != null) {
            configuration.target(target);
        }
        return configuration.load();
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    // A connection of its own, not one of the pool: Flyway changes the search_path of what it uses.
    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user(), password());
    }

    private static String url() {
        return ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
    }

    private static String user() {
        return ConfigProvider.getConfig().getValue("quarkus.datasource.username", String.class);
    }

    private static String password() {
        return ConfigProvider.getConfig()
                .getOptionalValue("quarkus.datasource.password", String.class)
                .orElse("");
    }
}
