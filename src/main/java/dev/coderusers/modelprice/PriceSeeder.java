package dev.coderusers.modelprice;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Applies a validated {@link PriceSeed} to {@code ai_model_prices} with one SQL statement.
 *
 * <p>The whole seed file is bound once as {@code jsonb}; PostgreSQL expands it with
 * {@code jsonb_to_recordset} and upserts every row in a single {@code INSERT ... ON CONFLICT DO UPDATE}.
 * Rows whose four prices are already equal are not rewritten, so {@code updated_at} means "price last
 * changed". Rows absent from the seed are left alone. The same statement records in
 * {@code ai_model_price_history} each model whose price list (with its tiers and modes, which the table does
 * not hold) the seed changes, with the seed's checksum and the time it took effect. Owners' prices live in
 * their own table, which the seed never writes: a re-seed cannot overwrite them.
 *
 * <p>Around that statement: a checksum fast path (the seed that was last applied is not applied again),
 * and a transaction-scoped advisory lock so that replicas starting together apply it once, one after the
 * other, without deadlocks or unique-key errors.
 */
@ApplicationScoped
public class PriceSeeder {

    /** Advisory lock key of the seed: any constant no other code of this database uses. */
    static final long SEED_LOCK_KEY = 0x5c3e_1d0b_9a4f_7e21L;

    private static final String LAST_CHECKSUM =
            "SELECT checksum FROM ai_model_price_seeds ORDER BY applied_at DESC, checksum LIMIT 1";

    // One statement: the file bound once as jsonb and expanded by jsonb_to_recordset; the base prices upserted
    // into ai_model_prices as before (xmax = 0 tells an inserted row from an updated one; rows whose prices are
    // equal are neither rewritten nor returned); and every model whose price list (base prices, tiers or
    // modes) differs from the seed's last one in the history gets a history row. The CTEs all read the table
    // as it was before the statement, so "existed" and the last history rows are the state before this seed.
    private static final String UPSERT = """
            WITH seed AS (
                SELECT provider, model, input_price, output_price, cache_read_price, cache_write_price,
                    COALESCE(tiers, '[]') AS tiers, COALESCE(modes, '{}') AS modes
                FROM jsonb_to_recordset(CAST(? AS jsonb)) AS s(
                    provider text, model text,
                    input_price bigint, output_price bigint, cache_read_price bigint, cache_write_price bigint,
                    tiers jsonb, modes jsonb)
            ), upserted AS (
                INSERT INTO ai_model_prices AS p
                    (provider, model, input_price, output_price, cache_read_price, cache_write_price)
                SELECT provider, model, input_price, output_price, cache_read_price, cache_write_price FROM seed
                ON CONFLICT (provider, model) DO UPDATE SET
                    input_price = EXCLUDED.input_price,
                    output_price = EXCLUDED.output_price,
                    cache_read_price = EXCLUDED.cache_read_price,
                    cache_write_price = EXCLUDED.cache_write_price,
                    updated_at = now()
                WHERE (p.input_price, p.output_price, p.cache_read_price, p.cache_write_price)
                    IS DISTINCT FROM
                    (EXCLUDED.input_price, EXCLUDED.output_price, EXCLUDED.cache_read_price, EXCLUDED.cache_write_price)
                RETURNING (xmax = 0) AS inserted
            ), changed AS (
                SELECT s.*, p.provider IS NOT NULL AS existed
                FROM seed s
                LEFT JOIN ai_model_prices p ON p.provider = s.provider AND p.model = s.model
                LEFT JOIN LATERAL (
                    SELECT h.input_price, h.output_price, h.cache_read_price, h.cache_write_price, h.tiers, h.modes
                    FROM ai_model_price_history h
                    WHERE h.provider = s.provider AND h.model = s.model AND h.source = 'seed'
                    ORDER BY h.effective_at DESC, h.id DESC
                    LIMIT 1
                ) last ON true
                WHERE (last.input_price, last.output_price, last.cache_read_price, last.cache_write_price,
                        last.tiers, last.modes)
                    IS DISTINCT FROM
                    (s.input_price, s.output_price, s.cache_read_price, s.cache_write_price, s.tiers, s.modes)
            ), recorded AS (
                INSERT INTO ai_model_price_history (provider, model, source, seed_checksum, effective_at,
                    input_price, output_price, cache_read_price, cache_write_price, tiers, modes)
                SELECT provider, model, 'seed', ?, ?,
                    input_price, output_price, cache_read_price, cache_write_price, tiers, modes
                FROM changed
                RETURNING 1
            )
            SELECT (SELECT count(*) FROM upserted WHERE inserted),
                (SELECT count(*) FROM changed WHERE existed),
                (SELECT count(*) FROM recorded)
            """;

    private static final String RECORD = """
            INSERT INTO ai_model_price_seeds (checksum, row_count, inserted, updated, applied_at)
            VALUES (?, ?, ?, ?, now())
            ON CONFLICT (checksum) DO UPDATE SET
                row_count = EXCLUDED.row_count, inserted = EXCLUDED.inserted,
                updated = EXCLUDED.updated, applied_at = EXCLUDED.applied_at
            """;

    private final AgroalDataSource dataSource;
    private final PriceClock clock;

    public PriceSeeder(AgroalDataSource dataSource, PriceClock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Applies the seed unless it is the one applied last; one transaction, nothing half-applied. */
    public SeedOutcome apply(PriceSeed seed) throws SQLException {
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            // Fast path without a lock or a transaction: an unchanged seed costs one indexed read.
            if (seed.checksum().equals(lastChecksum(connection))) {
                return skipped(seed, started);
            }
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                lock(connection);
                // Another replica may have applied this very seed while we waited for the lock.
                if (seed.checksum().equals(lastChecksum(connection))) {
                    connection.commit();
                    return skipped(seed, started);
                }
                int[] counts = upsert(connection, seed, clock.now());
                record(connection, seed, counts);
                connection.commit();
                int unchanged = seed.rows().size() - counts[0] - counts[1];
                return new SeedOutcome(
                        seed.checksum(), seed.rows().size(), counts[0], counts[1], unchanged, false, elapsed(started));
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    /** Forgets which seeds were applied, so that the next {@link #apply} runs the upsert again. */
    public void forgetAppliedSeeds() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("DELETE FROM ai_model_price_seeds")) {
            statement.executeUpdate();
        }
    }

    private static String lastChecksum(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(LAST_CHECKSUM);
                ResultSet result = statement.executeQuery()) {
            return result.next() ? result.getString(1) : null;
        }
    }

    private static void lock(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            statement.setLong(1, SEED_LOCK_KEY);
            statement.execute();
        }
    }

    /** Inserted rows, updated rows (price list changed), history rows written. */
    private static int[] upsert(Connection connection, PriceSeed seed, Instant effectiveAt) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(UPSERT)) {
            statement.setString(1, new String(seed.json(), StandardCharsets.UTF_8));
            statement.setString(2, seed.checksum());
            statement.setObject(3, effectiveAt.atOffset(ZoneOffset.UTC));
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return new int[] {result.getInt(1), result.getInt(2), result.getInt(3)};
            }
        }
    }

    private static void record(Connection connection, PriceSeed seed, int[] counts) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(RECORD)) {
            statement.setString(1, seed.checksum());
            statement.setInt(2, seed.rows().size());
            statement.setInt(3, counts[0]);
            statement.setInt(4, counts[1]);
            statement.executeUpdate();
        }
    }

    private static SeedOutcome skipped(PriceSeed seed, long started) {
        int rows = seed.rows().size();
        return new SeedOutcome(seed.checksum(), rows, 0, 0, rows, true, elapsed(started));
    }

    private static long elapsed(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
