package dev.coderusers.modelprice;

import dev.coderusers.api.ApiException;
import dev.coderusers.api.ValidationError;
import dev.coderusers.database.RetriesLostConnection;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the price book as it is in force: for each model, an owner's price list when one is set
 * ({@code ai_model_price_overrides}), else the seed's ({@code ai_model_prices} for the base prices, and the
 * seed's last change in the history for its tiers and modes). Models that only an owner priced are included.
 */
@ApplicationScoped
// Reads only, outside any transaction: a lost connection costs one more read, not a 500.
@RetriesLostConnection
public class ModelPriceService {

    /** Answer of a filter that cannot name any model. */
    static final String INVALID_QUERY = "Query parameters have invalid values.";

    // One query: the seed's rows and the owners' joined in full, the seed's tiers and modes from its last change.
    private static final String IN_FORCE = """
            SELECT COALESCE(o.provider, p.provider), COALESCE(o.model, p.model), o.provider IS NOT NULL,
                CASE WHEN o.provider IS NOT NULL THEN o.input_price ELSE p.input_price END,
                CASE WHEN o.provider IS NOT NULL THEN o.output_price ELSE p.output_price END,
                CASE WHEN o.provider IS NOT NULL THEN o.cache_read_price ELSE p.cache_read_price END,
                CASE WHEN o.provider IS NOT NULL THEN o.cache_write_price ELSE p.cache_write_price END,
                CAST(CASE WHEN o.provider IS NOT NULL THEN o.tiers ELSE COALESCE(seed.tiers, '[]') END AS text),
                CAST(CASE WHEN o.provider IS NOT NULL THEN o.modes ELSE COALESCE(seed.modes, '{}') END AS text),
                LEAST(p.created_at, o.created_at),
                CASE WHEN o.provider IS NOT NULL THEN o.updated_at ELSE GREATEST(p.updated_at, seed.effective_at) END
            FROM ai_model_prices p
            FULL JOIN ai_model_price_overrides o ON o.provider = p.provider AND o.model = p.model
            LEFT JOIN LATERAL (
                SELECT h.tiers, h.modes, h.effective_at
                FROM ai_model_price_history h
                WHERE h.provider = p.provider AND h.model = p.model AND h.source = 'seed'
                ORDER BY h.effective_at DESC, h.id DESC
                LIMIT 1
            ) seed ON o.provider IS NULL
            WHERE (CAST(? AS text) IS NULL OR COALESCE(o.provider, p.provider) = ?)
                AND (CAST(? AS text) IS NULL OR COALESCE(o.model, p.model) = ?)
            ORDER BY 1, 2
            """;

    private final AgroalDataSource dataSource;
    private final PriceHistory history;

    public ModelPriceService(AgroalDataSource dataSource, PriceHistory history) {
        this.dataSource = dataSource;
        this.history = history;
    }

    /** Models in force, optionally one provider and/or one model (exact match), by provider then model. */
    public List<AiModelPriceResponse> list(String provider, String model) {
        requireValidFilters(provider, model);
        return query(emptyToNull(provider), emptyToNull(model));
    }

    /** One model's prices in force, or 404. */
    public AiModelPriceResponse get(String provider, String model) {
        ModelIds.requireValidPath(provider, model);
        List<AiModelPriceResponse> found = query(provider, model);
        if (found.isEmpty()) {
            throw ApiException.notFound("No price is known for " + provider + "/" + model + ".");
        }
        return found.get(0);
    }

    /** Changes, oldest first, optionally of one provider and/or model; {@code limit} 0 for all. */
    public List<AiModelPriceChangeResponse> history(String provider, String model, int limit, int offset) {
        requireValidFilters(provider, model);
        return history.list(emptyToNull(provider), emptyToNull(model), limit, offset).stream()
                .map(AiModelPriceChangeResponse::of)
                .toList();
    }

    private List<AiModelPriceResponse> query(String provider, String model) {
        List<AiModelPriceResponse> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(IN_FORCE)) {
            statement.setString(1, provider);
            statement.setString(2, provider);
            statement.setString(3, model);
            statement.setString(4, model);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    PriceBookRow prices = PriceListJson.stored(
                            result.getString(1),
                            result.getString(2),
                            result.getObject(4, Long.class),
                            result.getObject(5, Long.class),
                            result.getObject(6, Long.class),
                            result.getObject(7, Long.class),
                            result.getString(8),
                            result.getString(9));
                    rows.add(AiModelPriceResponse.of(
                            prices,
                            result.getBoolean(3) ? PriceChange.Source.OWNER : PriceChange.Source.SEED,
                            instant(result, 10),
                            instant(result, 11)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the price book failed", e);
        }
        return rows;
    }

    private static Instant instant(ResultSet result, int column) throws SQLException {
        OffsetDateTime time = result.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    /** A filter that no id could match (a NUL byte, too long, ...) is the caller's mistake: 400, not 500. */
    private static void requireValidFilters(String provider, String model) {
        List<ValidationError> problems = new ArrayList<>();
        if (provider != null && !provider.isEmpty()) {
            String problem = ModelIds.providerProblem(provider);
            if (problem != null) {
                problems.add(new ValidationError("provider", "Query param \"provider\" " + problem));
            }
        }
        if (model != null && !model.isEmpty()) {
            String problem = ModelIds.modelProblem(model);
            if (problem != null) {
                problems.add(new ValidationError("model", "Query param \"model\" " + problem));
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.badRequest(INVALID_QUERY, problems);
        }
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
