package dev.coderusers.modelprice;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Applies a validated {@link PriceSeed} to {@code ai_model_prices} with one SQL statement.
 *
 * <p>The whole seed file is bound once as {@code jsonb}; PostgreSQL expands it with
 * {@code jsonb_to_recordset} and upserts every row in a single {@code INSERT ... ON CONFLICT DO UPDATE}.
 * Rows whose four prices are already equal are not rewritten, so {@code updated_at} means "price last
 * changed". Rows absent from the seed are left alone.
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

    // xmax = 0 distinguishes an inserted row from an updated one in RETURNING; rows that the WHERE
    // clause keeps unchanged are not returned at all.
    private static final String UPSERT = """
            WITH seed AS (
                SELECT * FROM jsonb_to_recordset(CAST(? AS jsonb)) AS s(
                    provider text, model text,
                    input_price bigint, output_price bigint, cache_read_price bigint, cache_write_price bigint)
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
            )
            SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM upserted
            """;

    private static final String RECORD = """
            INSERT INTO ai_model_price_seeds (checksum, row_count, inserted, updated, applied_at)
            VALUES (?, ?, ?, ?, now())
            ON CONFLICT (checksum) DO UPDATE SET
                row_count = EXCLUDED.row_count, inserted = EXCLUDED.inserted,
                updated = EXCLUDED.updated, applied_at = EXCLUDED.applied_at
            """;

    private final AgroalDataSource dataSource;

    public PriceSeeder(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
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
                int[] counts = upsert(connection, seed);
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

    private static int[] upsert(Connection connection, PriceSeed seed) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(UPSERT)) {
            statement.setString(1, new String(seed.json(), StandardCharsets.UTF_8));
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return new int[] {result.getInt(1), result.getInt(2)};
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
