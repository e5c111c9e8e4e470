package dev.coderusers.bench;

import static dev.coderusers.bench.Benchmarks.expect;
import static dev.coderusers.bench.Benchmarks.median;
import static dev.coderusers.bench.Benchmarks.quietLibraries;
import static dev.coderusers.bench.Benchmarks.setting;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coderusers.config.PriceBookConfig;
import dev.coderusers.modelprice.PriceBookRow;
import dev.coderusers.modelprice.PriceClock;
import dev.coderusers.modelprice.PriceSeed;
import dev.coderusers.modelprice.PriceSeeder;
import dev.coderusers.modelprice.SeedOutcome;
import io.agroal.api.AgroalDataSource;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.flywaydb.core.Flyway;

/**
 * Measures how the AI model price book is best written at start-up (see {@code bench/README.md}): the three
 * approaches of the design note (a per-row upsert loop, {@code UNNEST} of parallel arrays, one {@code jsonb}
 * statement) and the path the service takes ({@link PriceSeeder#apply}: checksum fast path, then one
 * {@code jsonb} statement that rewrites only changed rows), for a first seed into an empty table and for an
 * unchanged re-seed.
 *
 * <p>Not a test: it lives under {@code src/test} so that it never ships, and is run by {@code bench/price-seed}.
 * Everything happens in a schema of its own, created and dropped here, so any server can be used.
 */
public final class PriceSeedBenchmark {

    private static final String SCHEMA = "price_seed_bench";

    /** Held so that the level settings are not lost when a logger is garbage-collected. */
    private static final String UPDATE_ALL = """
            ON CONFLICT (provider, model) DO UPDATE SET
                input_price = EXCLUDED.input_price,
                output_price = EXCLUDED.output_price,
                cache_read_price = EXCLUDED.cache_read_price,
                cache_write_price = EXCLUDED.cache_write_price,
                updated_at = now()
            """;

    private static final String INSERT = "INSERT INTO ai_model_prices"
            + " (provider, model, input_price, output_price, cache_read_price, cache_write_price)\n";

    /** Approach 1: one statement per row, all in one transaction. */
    private static final String LOOP_SQL = INSERT + "VALUES (?, ?, ?, ?, ?, ?)\n" + UPDATE_ALL;

    /** Approach 2: six arrays; JDBC binds NULL elements directly, so no sentinel is needed. */
    private static final String UNNEST_SQL = INSERT
            + "SELECT * FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS bigint[]), CAST(? AS bigint[]),"
            + " CAST(? AS bigint[]), CAST(? AS bigint[]))\n"
            + UPDATE_ALL;

    /** Approach 3, as in the design note: the whole file bound once as jsonb. */
    private static final String JSONB_SQL = INSERT + """
            SELECT elem->>'provider', elem->>'model', (elem->>'input_price')::bigint, (elem->>'output_price')::bigint,
                (elem->>'cache_read_price')::bigint, (elem->>'cache_write_price')::bigint
            FROM jsonb_array_elements(CAST(? AS jsonb)) AS elem
            """ + UPDATE_ALL;

    enum Approach {
        LOOP("per-row upsert loop (N statements, 1 tx)"),
        UNNEST("UNNEST of parallel arrays"),
        JSONB("one jsonb statement (design note)"),
        STARTUP("startup path: PriceSeeder.apply"),
        FORCED("  same, checksum forgotten");

        final String label;

        Approach(String label) {
            this.label = label;
        }
    }

    /** Medians of one approach at one size; {@code written} is the largest count seen over the re-seed runs. */
    record Result(double firstMillis, double reseedMillis, long written) {}

    private final AgroalDataSource dataSource;
    private final PriceSeeder seeder;
    private final boolean forceFlush;

    private PriceSeedBenchmark(AgroalDataSource dataSource) throws SQLException {
        this.dataSource = dataSource;
        this.seeder = new PriceSeeder(dataSource, PriceClock.on(Clock.systemUTC()));
        this.forceFlush = serverVersion() >= 150000;
    }

    public static void main(String[] args) throws Exception {
        quietLibraries();
        int runs = Integer.parseInt(setting("BENCH_RUNS", "7"));
        if (runs < 5) {
            throw new IllegalArgumentException("BENCH_RUNS must be at least 5 (the figures are medians)");
        }
        int[] sizes = Arrays.stream(setting("BENCH_SIZES", "71,4000,40000").split(","))
                .map(String::trim)
                .mapToInt(Integer::parseInt)
                .toArray();

        Map<String, String> database = Benchmarks.database("postgres");
        String url = database.get("quarkus.datasource.jdbc.url");
        // One connection: every statement, the seeder's included, runs on the same backend, which is what lets
        // rowsUpdated() flush that backend's statistics before reading them.
        try (AgroalDataSource dataSource = Benchmarks.pool(database, SCHEMA, 1)) {
            PriceSeedBenchmark bench = new PriceSeedBenchmark(dataSource);
            bench.createSchema(database);
            try {
                bench.run(url, sizes, runs);
            } finally {
                bench.execute("DROP SCHEMA " + SCHEMA + " CASCADE");
            }
        }
    }

    private void run(String url, int[] sizes, int runs) throws Exception {
        PriceSeed real = realSeed();
        System.out.printf(
                Locale.ROOT,
                "%nPrice seed benchmark, %s: %s on %s, %d CPUs, Java %s; median of %d runs%n%n",
                LocalDate.now(),
                serverVersionText(),
                url.replaceAll("\\?.*", ""),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                runs);
        System.out.println("| rows | approach | first seed (ms) | speed-up vs loop"
                + " | unchanged re-seed (ms) | speed-up vs loop | rows written by re-seed |");
        System.out.println("|---:|---|---:|---:|---:|---:|---:|");
        List<String> verdicts = new ArrayList<>();
        for (int size : sizes) {
            PriceSeed seed = size == real.rows().size() ? real : synthesise(real, size);
            Map<Approach, Result> results = measure(seed, runs);
            print(size, results);
            if (size == 4000) {
                double speedUp = results.get(Approach.LOOP).firstMillis()
                        / results.get(Approach.JSONB).firstMillis();
                verdicts.add(String.format(
                        Locale.ROOT,
                        "%s %,d rows, first seed: one jsonb statement %.1fx faster than the loop (target >= 4x)",
                        speedUp >= 4 ? "MET " : "MISS",
                        size,
                        speedUp));
            }
            Result startup = results.get(Approach.STARTUP);
            verdicts.add(String.format(
                    Locale.ROOT,
                    "%s %,d rows, unchanged re-seed of the startup path: %.2f ms, %d rows written (target <= 5 ms, 0)",
                    startup.reseedMillis() <= 5 && startup.written() == 0 ? "MET " : "MISS",
                    size,
                    startup.reseedMillis(),
                    startup.written()));
        }
        System.out.println();
        verdicts.forEach(System.out::println);
        System.out.println();
    }

    private Map<Approach, Result> measure(PriceSeed seed, int runs) throws Exception {
        Map<Approach, double[]> first = new EnumMap<>(Approach.class);
        Map<Approach, double[]> reseed = new EnumMap<>(Approach.class);
        Map<Approach, Long> written = new EnumMap<>(Approach.class);
        for (Approach approach : Approach.values()) {
            first.put(approach, new double[runs]);
            reseed.put(approach, new double[runs]);
            written.put(approach, 0L);
        }
        // Run 0 warms up the JIT, the driver and the server's caches; it is not counted. The approaches
        // take turns within each run, so that drift of this shared machine spreads over all of them.
        for (int run = 0; run <= runs; run++) {
            for (Approach approach : List.of(Approach.LOOP, Approach.UNNEST, Approach.JSONB, Approach.STARTUP)) {
                emptyTables();
                long started = System.nanoTime();
                write(approach, seed, false);
                double firstMillis = millisSince(started);
                checkRowCount(seed.rows().size());

                long before = rowsUpdated();
                started = System.nanoTime();
                write(approach, seed, true);
                double reseedMillis = millisSince(started);
                long rows = rowsUpdated() - before;
                if (run > 0) {
                    first.get(approach)[run - 1] = firstMillis;
                    reseed.get(approach)[run - 1] = reseedMillis;
                    written.merge(approach, rows, Math::max);
                }
                if (approach == Approach.STARTUP) {
                    // The same re-seed without the checksum: one statement that finds every row unchanged.
                    seeder.forgetAppliedSeeds();
                    before = rowsUpdated();
                    started = System.nanoTime();
                    SeedOutcome outcome = seeder.apply(seed);
                    reseedMillis = millisSince(started);
                    rows = rowsUpdated() - before;
                    expect(outcome.unchanged() == seed.rows().size(), "forced re-seed left every row unchanged");
                    if (run > 0) {
                        reseed.get(Approach.FORCED)[run - 1] = reseedMillis;
                        written.merge(Approach.FORCED, rows, Math::max);
                    }
                }
            }
        }
        Map<Approach, Result> results = new EnumMap<>(Approach.class);
        for (Approach approach : Approach.values()) {
            double firstMedian = approach == Approach.FORCED ? Double.NaN : median(first.get(approach));
            results.put(approach, new Result(firstMedian, median(reseed.get(approach)), written.get(approach)));
        }
        return results;
    }

    private void write(Approach approach, PriceSeed seed, boolean reseed) throws SQLException {
        if (approach == Approach.STARTUP) {
            SeedOutcome outcome = seeder.apply(seed);
            expect(outcome.skippedByChecksum() == reseed, "the startup path skips exactly the re-seed");
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                switch (approach) {
                    case LOOP -> loop(connection, seed.rows());
                    case UNNEST -> unnest(connection, seed.rows());
                    case JSONB -> jsonb(connection, seed);
                    default -> throw new IllegalArgumentException(approach.name());
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private static void loop(Connection connection, List<PriceBookRow> rows) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(LOOP_SQL)) {
            for (PriceBookRow row : rows) {
                statement.setString(1, row.provider());
                statement.setString(2, row.model());
                statement.setObject(3, row.inputPrice(), Types.BIGINT);
                statement.setObject(4, row.outputPrice(), Types.BIGINT);
                statement.setObject(5, row.cacheReadPrice(), Types.BIGINT);
                statement.setObject(6, row.cacheWritePrice(), Types.BIGINT);
                statement.executeUpdate();
            }
        }
    }

    private static void unnest(Connection connection, List<PriceBookRow> rows) throws SQLException {
        int n = rows.size();
        String[] providers = new String[n];
        String[] models = new String[n];
        Long[] input = new Long[n];
        Long[] output = new Long[n];
        Long[] cacheRead = new Long[n];
        Long[] cacheWrite = new Long[n];
        for (int i = 0; i < n; i++) {
            PriceBookRow row = rows.get(i);
            providers[i] = row.provider();
            models[i] = row.model();
            input[i] = row.inputPrice();
            output[i] = row.outputPrice();
            cacheRead[i] = row.cacheReadPrice();
            cacheWrite[i] = row.cacheWritePrice();
        }
        try (PreparedStatement statement = connection.prepareStatement(UNNEST_SQL)) {
            statement.setArray(1, connection.createArrayOf("text", providers));
            statement.setArray(2, connection.createArrayOf("text", models));
            statement.setArray(3, connection.createArrayOf("int8", input));
            statement.setArray(4, connection.createArrayOf("int8", output));
            statement.setArray(5, connection.createArrayOf("int8", cacheRead));
            statement.setArray(6, connection.createArrayOf("int8", cacheWrite));
            statement.executeUpdate();
        }
    }

    private static void jsonb(Connection connection, PriceSeed seed) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(JSONB_SQL)) {
            statement.setString(1, new String(seed.json(), StandardCharsets.UTF_8));
            statement.executeUpdate();
        }
    }

    /**
     * {@code n_tup_upd} of the price table and {@code n_tup_ins} of the history. PostgreSQL 15 publishes a backend's counters at most once a
     * second; forcing the flush (all work runs on the pool's single connection) makes them exact.
     */
    private long rowsUpdated() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            if (forceFlush) {
                // Flushed when the backend goes idle after this statement, i.e. before the next one.
                statement.execute("SELECT pg_stat_force_next_flush()");
            } else {
                statement.execute("SELECT pg_sleep(0.6)"); // before 15: the statistics collector's delay
            }
            statement.execute("SELECT pg_stat_clear_snapshot()");
            // Rows rewritten in the price table, plus rows added to the history (which the startup path writes).
            try (ResultSet result = statement.executeQuery("SELECT coalesce(sum(CASE relname"
                    + " WHEN 'ai_model_prices' THEN n_tup_upd ELSE n_tup_ins END), 0) FROM pg_stat_user_tables"
                    + " WHERE schemaname = '" + SCHEMA + "'"
                    + " AND relname IN ('ai_model_prices', 'ai_model_price_history')")) {
                return result.next() ? result.getLong(1) : 0;
            }
        }
    }

    private void createSchema(Map<String, String> database) throws SQLException {
        execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        // Flyway holds two connections at once; the benchmark's pool has one.
        Flyway.configure()
                .dataSource(
                        database.get("quarkus.datasource.jdbc.url"),
                        database.get("quarkus.datasource.username"),
                        database.get("quarkus.datasource.password"))
                .schemas(SCHEMA)
                .defaultSchema(SCHEMA)
                .createSchemas(true)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        // Autovacuum waking up in the middle of a run would only add noise.
        execute("ALTER TABLE ai_model_prices SET (autovacuum_enabled = false)");
    }

    private void emptyTables() throws SQLException {
        execute("TRUNCATE ai_model_prices, ai_model_price_seeds, ai_model_price_history");
    }

    private void checkRowCount(int expected) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT count(*) FROM ai_model_prices")) {
            result.next();
            expect(result.getInt(1) == expected, "the table holds every row of the seed");
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private int serverVersion() throws SQLException {
        return Integer.parseInt(query("SHOW server_version_num"));
    }

    private String serverVersionText() throws SQLException {
        return "PostgreSQL " + query("SHOW server_version");
    }

    private String query(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }

    private static void print(int size, Map<Approach, Result> results) {
        Result loop = results.get(Approach.LOOP);
        for (Approach approach : Approach.values()) {
            Result result = results.get(approach);
            System.out.printf(
                    Locale.ROOT,
                    "| %,d | %s | %s | %s | %s | %s | %,d |%n",
                    size,
                    approach.label,
                    Double.isNaN(result.firstMillis()) ? "" : String.format(Locale.ROOT, "%.2f", result.firstMillis()),
                    Double.isNaN(result.firstMillis())
                            ? ""
                            : String.format(Locale.ROOT, "%.1fx", loop.firstMillis() / result.firstMillis()),
                    String.format(Locale.ROOT, "%.2f", result.reseedMillis()),
                    String.format(Locale.ROOT, "%.1fx", loop.reseedMillis() / result.reseedMillis()),
                    result.written());
        }
    }

    /** The committed seed, as the build embeds it. */
    private static PriceSeed realSeed() throws Exception {
        try (InputStream in =
                PriceSeedBenchmark.class.getClassLoader().getResourceAsStream(PriceBookConfig.EMBEDDED_SEED)) {
            expect(in != null, PriceBookConfig.EMBEDDED_SEED + " is on the classpath");
            return PriceSeed.parse(PriceBookConfig.EMBEDDED_SEED, in.readAllBytes());
        }
    }

    /**
     * A seed of {@code size} rows made of the real ones, repeated with a suffix on the model name, so that
     * the mix of NULLs, zeros and values (and the size of the file per row) stays that of the real book.
     */
    private static PriceSeed synthesise(PriceSeed real, int size) throws Exception {
        List<PriceBookRow> base = real.rows();
        List<PriceBookRow> rows = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            PriceBookRow row = base.get(i % base.size());
            int copy = i / base.size();
            String model = copy == 0 ? row.model() : row.model() + "-synthetic-" + copy;
            rows.add(new PriceBookRow(
                    row.provider(),
                    model,
                    row.inputPrice(),
                    row.outputPrice(),
                    row.cacheReadPrice(),
                    row.cacheWritePrice()));
        }
        rows.sort(PriceBookRow.ORDER);
        ObjectMapper json = new ObjectMapper();
        ArrayNode array = json.createArrayNode();
        for (PriceBookRow row : rows) {
            ObjectNode object = array.addObject();
            object.put("provider", row.provider());
            object.put("model", row.model());
            object.put("input_price", row.inputPrice());
            object.put("output_price", row.outputPrice());
            object.put("cache_read_price", row.cacheReadPrice());
            object.put("cache_write_price", row.cacheWritePrice());
        }
        return PriceSeed.parse(
                "synthetic-" + size + ".json",
                json.writerWithDefaultPrettyPrinter().writeValueAsBytes(array));
    }

    private static double millisSince(long started) {
        return (System.nanoTime() - started) / 1e6;
    }
}
