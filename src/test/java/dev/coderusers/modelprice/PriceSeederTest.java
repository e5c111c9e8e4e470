package dev.coderusers.modelprice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The seeder against the real PostgreSQL of the test suite. Every test leaves {@code ai_model_prices} as
 * the start-up leaves it (exactly the committed seed, recorded as applied), so other test classes see the
 * state they would see after a real start.
 */
@QuarkusTest
class PriceSeederTest {

    private static final String FULL_ROW = "anthropic/claude-3-5-sonnet-20240620";
    private static final String GPT_35 = "openai/gpt-3.5-turbo";
    private static final String GPT_4 = "openai/gpt-4";
    private static final String EMBEDDING = "openai/text-embedding-3-small";

    @Inject
    PriceSeeder seeder;

    @Inject
    AgroalDataSource dataSource;

    MovableClock clock;

    @BeforeEach
    void movableClock() {
        clock = MovableClock.install();
    }

    @AfterEach
    void restoreTheCommittedSeed() throws Exception {
        // At the real time: other test classes price usage "now" and must find the seed's prices in force.
        clock.real();
        emptyTable();
        seeder.apply(SeedFiles.embedded());
    }

    @Test
    void freshTableReceivesEveryRowWithZeroAsZeroAndNullAsNull() throws Exception {
        emptyTable();
        PriceSeed seed = SeedFiles.embedded();

        SeedOutcome outcome = seeder.apply(seed);

        assertThat(outcome).isEqualTo(new SeedOutcome(seed.checksum(), 71, 71, 0, 0, false, outcome.millis()));
        Map<String, Stored> table = table();
        // The table holds the base prices; tiers and modes are kept beside it.
        assertThat(table.values())
                .extracting(Stored::row)
                .containsExactlyElementsOf(
                        seed.rows().stream().map(PriceSeederTest::basePrices).toList());
        assertThat(table.get(FULL_ROW).row())
                .isEqualTo(new PriceBookRow(
                        "anthropic", "claude-3-5-sonnet-20240620", 3_000_000L, 15_000_000L, 300_000L, 3_750_000L));
        assertThat(table.get(GPT_35).row())
                .isEqualTo(new PriceBookRow("openai", "gpt-3.5-turbo", 500_000L, 1_500_000L, 0L, null));
        assertThat(table.get(EMBEDDING).row().outputPrice()).isZero();
        assertThat(table.get(GPT_4).row().cacheReadPrice()).isNull();
        // The column values themselves, not what a driver makes of them: 0 is not NULL and NULL is not 0.
        assertThat(count("SELECT count(*) FROM ai_model_prices WHERE cache_read_price = 0"))
                .isEqualTo(seed.rows().stream()
                        .filter(row -> Long.valueOf(0).equals(row.cacheReadPrice()))
                        .count())
                .isPositive();
        assertThat(count("SELECT count(*) FROM ai_model_prices WHERE cache_write_price IS NULL"))
                .isEqualTo(seed.rows().stream()
                        .filter(row -> row.cacheWritePrice() == null)
                        .count());
        assertThat(lastAppliedChecksum()).isEqualTo(seed.checksum());
    }

    @Test
    void aFreshSeedRecordsEveryModelsWholePriceListInTheHistoryWithItsChecksumAndTime() throws Exception {
        emptyTable();
        PriceSeed seed = SeedFiles.embedded();
        Instant at = Instant.parse("2026-12-01T10:00:00.123456Z");
        clock.set(at);

        seeder.apply(seed);

        List<Recorded> history = history();
        assertThat(history).extracting(Recorded::prices).containsExactlyInAnyOrderElementsOf(seed.rows());
        assertThat(history).allSatisfy(recorded -> {
            assertThat(recorded.source()).isEqualTo("seed");
            assertThat(recorded.seedChecksum()).isEqualTo(seed.checksum());
            assertThat(recorded.changedBy()).isNull();
            assertThat(recorded.effectiveAt().toInstant()).isEqualTo(at);
        });
        // What the table cannot hold is there: gpt-5.4's tier above 272 000 tokens and its fast mode.
        assertThat(history)
                .filteredOn(recorded -> recorded.prices().key().equals("openai/gpt-5.4"))
                .singleElement()
                .satisfies(recorded -> {
                    assertThat(recorded.prices().tiers())
                            .containsExactly(new PriceTier(272_000, 5_000_000L, 22_500_000L, 500_000L, null));
                    assertThat(recorded.prices().modes()).containsOnlyKeys("fast");
                });
    }

    @Test
    void secondApplyOfTheSameSeedIsSkippedByChecksumAndTouchesNoRow() throws Exception {
        Map<String, Stored> before = table();
        List<Recorded> history = history();

        SeedOutcome outcome = seeder.apply(SeedFiles.embedded());

        assertThat(outcome.skippedByChecksum()).isTrue();
        assertThat(outcome.unchanged()).isEqualTo(71);
        assertThat(outcome.inserted() + outcome.updated()).isZero();
        assertThat(table()).isEqualTo(before);
        assertThat(history()).isEqualTo(history);
    }

    @Test
    void forcedReapplyOfAnUnchangedSeedRewritesNoRow() throws Exception {
        Map<String, Stored> before = table();
        List<Recorded> history = history();
        seeder.forgetAppliedSeeds();

        SeedOutcome outcome = seeder.apply(SeedFiles.embedded());

        assertThat(outcome.skippedByChecksum()).isFalse();
        assertThat(outcome.unchanged()).isEqualTo(71);
        assertThat(outcome.inserted() + outcome.updated()).isZero();
        // xmin is the transaction that wrote the row version: equal means the row was not rewritten.
        assertThat(table()).isEqualTo(before);
        // Nothing changed, so nothing is recorded: the history holds changes only.
        assertThat(history()).isEqualTo(history);
        assertThat(lastAppliedChecksum()).isEqualTo(SeedFiles.embedded().checksum());
    }

    @Test
    void aChangeOfTiersOrModesAloneIsRecordedWithoutRewritingTheTableRow() throws Exception {
        Map<String, Stored> before = table();
        int recordedBefore = history().size();
        PriceSeed changed = changedSeed(row -> switch (row.key()) {
            case "openai/gpt-5.4" ->
                new PriceBookRow(
                        row.provider(),
                        row.model(),
                        row.inputPrice(),
                        row.outputPrice(),
                        row.cacheReadPrice(),
                        row.cacheWritePrice(),
                        List.of(new PriceTier(200_000, 6_000_000L, 25_000_000L, 600_000L, null)),
                        row.modes());
            case "anthropic/claude-opus-4-7" ->
                new PriceBookRow(
                        row.provider(),
                        row.model(),
                        row.inputPrice(),
                        row.outputPrice(),
                        row.cacheReadPrice(),
                        row.cacheWritePrice(),
                        row.tiers(),
                        Map.of());
            default -> row;
        });
        Instant at = Instant.parse("2026-12-02T00:00:00Z");
        clock.set(at);

        SeedOutcome outcome = seeder.apply(changed);

        assertThat(outcome.inserted()).isZero();
        assertThat(outcome.updated()).isEqualTo(2);
        assertThat(outcome.unchanged()).isEqualTo(69);
        // The base prices did not change: the rows of the table are the very same row versions.
        assertThat(table()).isEqualTo(before);
        List<Recorded> history = history();
        assertThat(history).hasSize(recordedBefore + 2);
        assertThat(history.subList(recordedBefore, history.size()))
                .extracting(Recorded::prices)
                .containsExactlyInAnyOrder(changed.rows().stream()
                        .filter(row ->
                                row.key().equals("openai/gpt-5.4") || row.key().equals("anthropic/claude-opus-4-7"))
                        .toArray(PriceBookRow[]::new));
        assertThat(history.subList(recordedBefore, history.size())).allSatisfy(recorded -> {
            assertThat(recorded.seedChecksum()).isEqualTo(changed.checksum());
            assertThat(recorded.effectiveAt().toInstant()).isEqualTo(at);
        });
    }

    @Test
    void changedPricesMoveUpdatedAtOfTheirRowsOnly() throws Exception {
        Map<String, Stored> before = table();
        int recordedBefore = history().size();
        PriceSeed changed = changedSeed(row -> switch (row.key()) {
            // value -> value
            case FULL_ROW -> withInput(row, 3_100_000L);
            // value -> NULL
            case GPT_35 ->
                new PriceBookRow(
                        row.provider(), row.model(), row.inputPrice(), row.outputPrice(), null, row.cacheWritePrice());
            // NULL -> value
            case GPT_4 ->
                new PriceBookRow(row.provider(), row.model(), row.inputPrice(), row.outputPrice(), 15_000_000L, null);
            default -> row;
        });

        SeedOutcome outcome = seeder.apply(changed);

        assertThat(outcome.inserted()).isZero();
        assertThat(outcome.updated()).isEqualTo(3);
        assertThat(outcome.unchanged()).isEqualTo(68);
        Map<String, Stored> after = table();
        assertThat(after.get(FULL_ROW).row().inputPrice()).isEqualTo(3_100_000L);
        assertThat(after.get(GPT_35).row().cacheReadPrice()).isNull();
        assertThat(after.get(GPT_4).row().cacheReadPrice()).isEqualTo(15_000_000L);
        for (String key : List.of(FULL_ROW, GPT_35, GPT_4)) {
            assertThat(after.get(key).updatedAt())
                    .as(key)
                    .isAfter(before.get(key).updatedAt());
            assertThat(after.get(key).createdAt())
                    .as(key)
                    .isEqualTo(before.get(key).createdAt());
        }
        Map<String, Stored> untouched = new LinkedHashMap<>(after);
        untouched.keySet().removeAll(List.of(FULL_ROW, GPT_35, GPT_4));
        Map<String, Stored> expected = new LinkedHashMap<>(before);
        expected.keySet().removeAll(List.of(FULL_ROW, GPT_35, GPT_4));
        assertThat(untouched).hasSize(68).isEqualTo(expected);
        // One history row per changed model, with the new prices, in the same transaction as the change.
        List<Recorded> history = history();
        assertThat(history.subList(recordedBefore, history.size()))
                .extracting(recorded -> recorded.prices().key())
                .containsExactlyInAnyOrder(FULL_ROW, GPT_35, GPT_4);
        assertThat(history.subList(recordedBefore, history.size()))
                .extracting(
                        recorded -> recorded.prices().inputPrice(),
                        recorded -> recorded.prices().cacheReadPrice())
                .containsExactlyInAnyOrder(
                        tuple(3_100_000L, 300_000L), tuple(500_000L, null), tuple(30_000_000L, 15_000_000L));
    }

    @Test
    void newRowOfAChangedSeedIsInsertedAndTheOthersAreLeftAlone() throws Exception {
        Map<String, Stored> before = table();
        List<PriceBookRow> rows = new ArrayList<>(SeedFiles.embedded().rows());
        rows.add(new PriceBookRow("openai", "gpt-zz", 1L, 2L, null, 0L));

        SeedOutcome outcome = seeder.apply(PriceSeed.parse("added-row.json", SeedFiles.write(rows)));

        assertThat(outcome.inserted()).isEqualTo(1);
        assertThat(outcome.updated()).isZero();
        assertThat(outcome.unchanged()).isEqualTo(71);
        Map<String, Stored> after = table();
        assertThat(after.remove("openai/gpt-zz").row()).isEqualTo(rows.get(71));
        assertThat(after).isEqualTo(before);
    }

    @Test
    void rowsAbsentFromTheSeedAreLeftAlone() throws Exception {
        execute("INSERT INTO ai_model_prices"
                + " (provider, model, input_price, output_price, cache_read_price, cache_write_price,"
                + " created_at, updated_at)"
                + " VALUES ('mistral', 'mistral-large', 2000000, 6000000, NULL, 0,"
                + " '2025-01-02T03:04:05Z', '2025-02-03T04:05:06Z')");
        Stored orphan = table().get("mistral/mistral-large");
        seeder.forgetAppliedSeeds();

        seeder.apply(SeedFiles.embedded());
        seeder.apply(changedSeed(row -> withInput(row, row.inputPrice() == null ? 1L : row.inputPrice() + 1)));

        assertThat(table().get("mistral/mistral-large")).isEqualTo(orphan);
        assertThat(orphan.row())
                .isEqualTo(new PriceBookRow("mistral", "mistral-large", 2_000_000L, 6_000_000L, null, 0L));
        assertThat(orphan.updatedAt()).isEqualTo(OffsetDateTime.parse("2025-02-03T04:05:06Z"));
    }

    @Test
    void invalidSeedsAreRefusedBeforeAnythingIsWritten() throws Exception {
        Map<String, Stored> before = table();
        List<Recorded> history = history();
        String checksum = lastAppliedChecksum();

        // The start-up path: parse (which validates), then apply.
        for (SeedFiles.Invalid invalid : SeedFiles.invalid()) {
            assertThatThrownBy(() -> seeder.apply(PriceSeed.parse(SeedFiles.NAME, invalid.json())))
                    .as(invalid.kind())
                    .isInstanceOf(InvalidPriceSeedException.class);
        }

        assertThat(table()).isEqualTo(before);
        assertThat(history()).isEqualTo(history);
        assertThat(lastAppliedChecksum()).isEqualTo(checksum);
    }

    static Stream<Arguments> rowsTheDatabaseRefuses() {
        return Stream.of(
                Arguments.of("negative price", SeedFiles.row("\"openai\"", "\"gpt-zz\"", "-1", "1", "null", "null")),
                Arguments.of("fractional price", SeedFiles.row("\"openai\"", "\"gpt-zz\"", "1.5", "1", "null", "null")),
                Arguments.of(
                        "duplicate (provider, model)", SeedFiles.row("\"openai\"", "\"gpt-4\"", "1", "1", "1", "1")),
                Arguments.of("NUL in a model", SeedFiles.row("\"openai\"", "\"gpt\\u0000\"", "1", "1", "1", "1")));
    }

    /**
     * Defence in depth: even a seed that escaped validation is applied in one transaction. The first row
     * changes a price, the last one is refused by the database: nothing of it may stay.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("rowsTheDatabaseRefuses")
    void seedThatFailsInTheDatabaseLeavesNothingHalfApplied(String kind, String lastRow) throws Exception {
        Map<String, Stored> before = table();
        List<Recorded> history = history();
        String checksum = lastAppliedChecksum();
        String valid = new String(
                SeedFiles.write(changedSeed(row -> withInput(row, 1L)).rows()), StandardCharsets.UTF_8);
        byte[] json =
                (valid.substring(0, valid.lastIndexOf(']')) + ",\n" + lastRow + "\n]").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> PriceSeed.parse("unvalidated.json", json))
                .isInstanceOf(InvalidPriceSeedException.class);
        PriceSeed unvalidated = new PriceSeed("unvalidated.json", json, PriceSeed.sha256(json), List.of());

        assertThatThrownBy(() -> seeder.apply(unvalidated)).isInstanceOf(SQLException.class);

        assertThat(table()).isEqualTo(before);
        assertThat(history()).isEqualTo(history);
        assertThat(lastAppliedChecksum()).isEqualTo(checksum);
    }

    @Test
    void twoSeedersRacingBothFinishAndExactlyOneWrites() throws Exception {
        PriceSeed changed = changedSeed(row -> row.key().equals(GPT_4) ? withInput(row, 31_000_000L) : row);
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try (Connection holder = dataSource.getConnection()) {
            // Hold the seeder's lock so that both replicas get past the checksum look-up and queue on it.
            lock(holder, "pg_advisory_lock");
            Future<SeedOutcome> first = replicas.submit(() -> seeder.apply(changed));
            Future<SeedOutcome> second = replicas.submit(() -> seeder.apply(changed));
            awaitWaitersOnTheSeedLock(2, Duration.ofSeconds(30));
            lock(holder, "pg_advisory_unlock");

            List<SeedOutcome> outcomes = List.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS));

            assertThat(outcomes).filteredOn(SeedOutcome::skippedByChecksum).hasSize(1);
            assertThat(outcomes)
                    .filteredOn(outcome -> !outcome.skippedByChecksum())
                    .singleElement()
                    .satisfies(writer -> {
                        assertThat(writer.updated()).isEqualTo(1);
                        assertThat(writer.unchanged()).isEqualTo(70);
                    });
        } finally {
            replicas.shutdownNow();
        }
        assertThat(table().get(GPT_4).row().inputPrice()).isEqualTo(31_000_000L);
        assertThat(count("SELECT count(*) FROM ai_model_price_seeds WHERE checksum = '" + changed.checksum() + "'"))
                .isEqualTo(1);
    }

    /** A row of {@code ai_model_price_history}. */
    record Recorded(
            long id,
            String source,
            String seedChecksum,
            UUID changedBy,
            OffsetDateTime effectiveAt,
            PriceBookRow prices) {}

    /** The history, in the order it was written. */
    private List<Recorded> history() throws SQLException {
        List<Recorded> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT id, source, seed_checksum, changed_by, effective_at, provider, model, input_price,"
                                + " output_price, cache_read_price, cache_write_price, tiers::text, modes::text"
                                + " FROM ai_model_price_history ORDER BY id");
                ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                rows.add(new Recorded(
                        result.getLong(1),
                        result.getString(2),
                        result.getString(3),
                        result.getObject(4, UUID.class),
                        result.getObject(5, OffsetDateTime.class),
                        PriceListJson.stored(
                                result.getString(6),
                                result.getString(7),
                                result.getObject(8, Long.class),
                                result.getObject(9, Long.class),
                                result.getObject(10, Long.class),
                                result.getObject(11, Long.class),
                                result.getString(12),
                                result.getString(13))));
            }
        }
        return rows;
    }

    /** A row of {@code ai_model_prices} with what shows whether it was written. */
    record Stored(PriceBookRow row, OffsetDateTime createdAt, OffsetDateTime updatedAt, String xmin) {}

    private Map<String, Stored> table() throws SQLException {
        Map<String, Stored> rows = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT provider, model, input_price, output_price, cache_read_price, cache_write_price,"
                                + " created_at, updated_at, xmin::text FROM ai_model_prices"
                                + " ORDER BY provider COLLATE \"C\", model COLLATE \"C\"");
                ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                PriceBookRow row = new PriceBookRow(
                        result.getString(1),
                        result.getString(2),
                        result.getObject(3, Long.class),
                        result.getObject(4, Long.class),
                        result.getObject(5, Long.class),
                        result.getObject(6, Long.class));
                rows.put(
                        row.key(),
                        new Stored(
                                row,
                                result.getObject(7, OffsetDateTime.class),
                                result.getObject(8, OffsetDateTime.class),
                                result.getString(9)));
            }
        }
        return rows;
    }

    private static PriceSeed changedSeed(UnaryOperator<PriceBookRow> change) throws Exception {
        List<PriceBookRow> rows =
                SeedFiles.embedded().rows().stream().map(change).toList();
        return PriceSeed.parse("changed-seed.json", SeedFiles.write(rows));
    }

    /** The row as the table holds it: the four base prices, without tiers and modes. */
    static PriceBookRow basePrices(PriceBookRow row) {
        return new PriceBookRow(
                row.provider(),
                row.model(),
                row.inputPrice(),
                row.outputPrice(),
                row.cacheReadPrice(),
                row.cacheWritePrice());
    }

    private static PriceBookRow withInput(PriceBookRow row, Long input) {
        return new PriceBookRow(
                row.provider(),
                row.model(),
                input,
                row.outputPrice(),
                row.cacheReadPrice(),
                row.cacheWritePrice(),
                row.tiers(),
                row.modes());
    }

    /** The price book of a database that was never seeded. */
    private void emptyTable() throws SQLException {
        execute("DELETE FROM ai_model_prices");
        execute("DELETE FROM ai_model_price_history");
        seeder.forgetAppliedSeeds();
    }

    private String lastAppliedChecksum() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT checksum FROM ai_model_price_seeds ORDER BY applied_at DESC LIMIT 1");
                ResultSet result = statement.executeQuery()) {
            return result.next() ? result.getString(1) : null;
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.execute();
        }
    }

    private static void lock(Connection connection, String function) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + function + "(?)")) {
            statement.setLong(1, PriceSeeder.SEED_LOCK_KEY);
            statement.execute();
        }
    }

    /** Polls pg_locks until that many sessions wait for the seed lock (a bigint key is split in two oids). */
    private void awaitWaitersOnTheSeedLock(int waiters, Duration bound) throws Exception {
        long deadline = System.nanoTime() + bound.toNanos();
        while (count("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
                        + " AND classid::text = '" + (PriceSeeder.SEED_LOCK_KEY >>> 32) + "'"
                        + " AND objid::text = '" + (PriceSeeder.SEED_LOCK_KEY & 0xffff_ffffL) + "'")
                < waiters) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(waiters + " seeders did not queue on the seed lock within " + bound);
            }
            Thread.sleep(20);
        }
    }
}
