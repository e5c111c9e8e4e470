package dev.coderusers.modelprice;

import dev.coderusers.database.RetriesLostConnection;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads {@code ai_model_price_history}. Its rows are written in the transaction of the change they record, by
 * the statement that makes it: the seeder's one statement ({@link PriceSeeder}) and the owner's set and clear
 * ({@link PriceOverrideService}).
 */
@ApplicationScoped
// Reads only (the writers add history rows in their own statements): a lost connection costs one more read.
@RetriesLostConnection
public class PriceHistory {

    private static final String COLUMNS = """
            SELECT h.id, h.provider, h.model, h.source, h.seed_checksum, h.changed_by, h.cleared, h.effective_at,
                h.input_price, h.output_price, h.cache_read_price, h.cache_write_price,
                CAST(h.tiers AS text), CAST(h.modes AS text)
            FROM ai_model_price_history h
            """;

    // The models arrive as two parallel arrays; the join finds each model's rows through the index.
    private static final String OF_MODELS = COLUMNS + """
            JOIN unnest(CAST(? AS text[]), CAST(? AS text[])) AS wanted(provider, model)
                ON h.provider = wanted.provider AND h.model = wanted.model
            ORDER BY h.provider, h.model, h.effective_at, h.id
            """;

    private static final String LIST = COLUMNS + """
            WHERE (CAST(? AS text) IS NULL OR h.provider = ?) AND (CAST(? AS text) IS NULL OR h.model = ?)
            ORDER BY h.effective_at, h.id
            LIMIT ? OFFSET ?
            """;

    private final AgroalDataSource dataSource;

    public PriceHistory(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Every change of these models, oldest first, read with one query however many models there are (models
     * without any change are absent from the map).
     */
    public Map<ModelKey, List<PriceChange>> changesOf(Collection<ModelKey> models) {
        Map<ModelKey, List<PriceChange>> changes = new HashMap<>();
        if (models.isEmpty()) {
            return changes;
        }
        String[] providers = new String[models.size()];
        String[] names = new String[models.size()];
        int i = 0;
        for (ModelKey model : models) {
            providers[i] = model.provider();
            names[i++] = model.model();
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(OF_MODELS)) {
            statement.setArray(1, connection.createArrayOf("text", providers));
            statement.setArray(2, connection.createArrayOf("text", names));
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    PriceChange change = read(result);
                    changes.computeIfAbsent(change.model(), key -> new ArrayList<>())
                            .add(change);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the price history failed", e);
        }
        return changes;
    }

    /** Changes, oldest first, optionally of one provider and/or model; {@code limit} 0 for all. */
    public List<PriceChange> list(String provider, String model, int limit, int offset) {
        List<PriceChange> changes = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(LIST)) {
            statement.setString(1, provider);
            statement.setString(2, provider);
            statement.setString(3, model);
            statement.setString(4, model);
            // LIMIT NULL is no limit.
            statement.setObject(5, limit > 0 ? Long.valueOf(limit) : null, Types.BIGINT);
            statement.setInt(6, offset);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    changes.add(read(result));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the price history failed", e);
        }
        return changes;
    }

    private static PriceChange read(ResultSet result) throws SQLException {
        String provider = result.getString(2);
        String model = result.getString(3);
        boolean cleared = result.getBoolean(7);
        PriceBookRow prices = cleared
                ? null
                : PriceListJson.stored(
                        provider,
                        model,
                        result.getObject(9, Long.class),
                        result.getObject(10, Long.class),
                        result.getObject(11, Long.class),
                        result.getObject(12, Long.class),
                        result.getString(13),
                        result.getString(14));
        return new PriceChange(
                result.getLong(1),
                new ModelKey(provider, model),
                PriceChange.Source.of(result.getString(4)),
                result.getString(5),
                result.getObject(6, UUID.class),
                result.getObject(8, OffsetDateTime.class).toInstant(),
                prices);
    }
}
