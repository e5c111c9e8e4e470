package dev.coderusers.modelprice;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coderusers.api.ApiException;
import dev.coderusers.api.RequestBodies;
import dev.coderusers.api.ValidationError;
import dev.coderusers.role.Permissions;
import dev.coderusers.security.Actor;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Owners' prices ({@code ai_model_price_overrides}, which only this class writes): set or clear a model's
 * price list, also for models the seed does not know. Each change is recorded in the history by the same
 * statement that makes it. The seed never writes this table, so a re-seed cannot overwrite an owner's price;
 * clearing it puts the seed's price (which the seed kept up to date meanwhile) back in force.
 */
@ApplicationScoped
public class PriceOverrideService {

    static final String INVALID_PRICE = "Invalid price.";

    // The history row is written only when the price list changed (the upsert returns no row otherwise).
    private static final String SET = """
            WITH changed AS (
                INSERT INTO ai_model_price_overrides AS o (provider, model,
                    input_price, output_price, cache_read_price, cache_write_price, tiers, modes,
                    set_by, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb), ?, ?, ?)
                ON CONFLICT (provider, model) DO UPDATE SET
                    input_price = EXCLUDED.input_price,
                    output_price = EXCLUDED.output_price,
                    cache_read_price = EXCLUDED.cache_read_price,
                    cache_write_price = EXCLUDED.cache_write_price,
                    tiers = EXCLUDED.tiers,
                    modes = EXCLUDED.modes,
                    set_by = EXCLUDED.set_by,
                    updated_at = EXCLUDED.updated_at
                WHERE (o.input_price, o.output_price, o.cache_read_price, o.cache_write_price, o.tiers, o.modes)
                    IS DISTINCT FROM (EXCLUDED.input_price, EXCLUDED.output_price, EXCLUDED.cache_read_price,
                        EXCLUDED.cache_write_price, EXCLUDED.tiers, EXCLUDED.modes)
                RETURNING provider, model, input_price, output_price, cache_read_price, cache_write_price,
                    tiers, modes, set_by, updated_at
            ), recorded AS (
                INSERT INTO ai_model_price_history (provider, model, source, changed_by, effective_at,
                    input_price, output_price, cache_read_price, cache_write_price, tiers, modes)
                SELECT provider, model, 'owner', set_by, updated_at,
                    input_price, output_price, cache_read_price, cache_write_price, tiers, modes
                FROM changed
                RETURNING 1
            )
            SELECT count(*) FROM recorded
            """;

    private static final String CLEAR = """
            WITH cleared AS (
                DELETE FROM ai_model_price_overrides WHERE provider = ? AND model = ? RETURNING provider, model
            ), recorded AS (
                INSERT INTO ai_model_price_history (provider, model, source, changed_by, cleared, effective_at)
                SELECT provider, model, 'owner', ?, true, ? FROM cleared
                RETURNING 1
            )
            SELECT count(*) FROM recorded
            """;

    private final AgroalDataSource dataSource;
    private final ModelPriceService prices;
    private final PriceClock clock;

    public PriceOverrideService(AgroalDataSource dataSource, ModelPriceService prices, PriceClock clock) {
        this.dataSource = dataSource;
        this.prices = prices;
        this.clock = clock;
    }

    /**
     * Sets the owner's price list of a model (replacing the whole list: base prices, tiers, modes) and answers
     * the model's prices in force. Checks in order: owner (403), the path (400), the body (400).
     */
    @Transactional
    public AiModelPriceResponse set(Actor actor, String provider, String model, JsonNode body) {
        Permissions.requireManageModelPrices(actor);
        ModelIds.requireValidPath(provider, model);
        PriceBookRow list = read(provider, model, RequestBodies.present(body));
        Instant now = clock.now();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(SET)) {
            statement.setString(1, provider);
            statement.setString(2, model);
            statement.setObject(3, list.inputPrice(), Types.BIGINT);
            statement.setObject(4, list.outputPrice(), Types.BIGINT);
            statement.setObject(5, list.cacheReadPrice(), Types.BIGINT);
            statement.setObject(6, list.cacheWritePrice(), Types.BIGINT);
            statement.setString(7, PriceListJson.tiersJson(list.tiers()));
            statement.setString(8, PriceListJson.modesJson(list.modes()));
            statement.setObject(9, actor.userId());
            statement.setObject(10, now.atOffset(ZoneOffset.UTC));
            statement.setObject(11, now.atOffset(ZoneOffset.UTC));
            try (ResultSet result = statement.executeQuery()) {
                result.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("setting the price of " + provider + "/" + model + " failed", e);
        }
        return prices.get(provider, model);
    }

    /** Clears the owner's price of a model: the seed's price (if any) is in force again. 404 when none is set. */
    @Transactional
    public void clear(Actor actor, String provider, String model) {
        Permissions.requireManageModelPrices(actor);
        ModelIds.requireValidPath(provider, model);
        long cleared;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(CLEAR)) {
            statement.setString(1, provider);
            statement.setString(2, model);
            statement.setObject(3, actor.userId());
            statement.setObject(4, clock.now().atOffset(ZoneOffset.UTC));
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                cleared = result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("clearing the price of " + provider + "/" + model + " failed", e);
        }
        if (cleared == 0) {
            throw ApiException.notFound("No owner's price is set for " + provider + "/" + model + ".");
        }
    }

    private static PriceBookRow read(String provider, String model, JsonNode body) {
        if (!body.isObject()) {
            throw ApiException.badRequest(
                    INVALID_PRICE, "Expected a JSON object with the prices, got " + PriceListJson.describe(body) + ".");
        }
        PriceBookRow list;
        try {
            list = PriceListJson.read(provider, model, body, PriceListJson.Form.REQUEST);
        } catch (PriceListJson.FieldException e) {
            throw ApiException.badRequest(INVALID_PRICE, List.of(new ValidationError(e.field(), e.detail())));
        }
        if (list.allUnknown()) {
            // Coder's rule too: a price list of nothing but unknowns prices nothing.
            throw ApiException.badRequest(
                    INVALID_PRICE,
                    List.of(new ValidationError(
                            "input_price",
                            "at least one of input_price, output_price, cache_read_price and cache_write_price"
                                    + " must be known; use 0 for free")));
        }
        return list;
    }
}
