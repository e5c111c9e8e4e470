package dev.coderusers.modelprice;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The price book's tables for the endpoint tests: what they hold, and putting them back as a start leaves them
 * (the committed seed applied, no owner's prices), so that test classes do not see each other's changes.
 */
@ApplicationScoped
public class PriceBookState {

    private final AgroalDataSource dataSource;
    private final PriceSeeder seeder;

    public PriceBookState(AgroalDataSource dataSource, PriceSeeder seeder) {
        this.dataSource = dataSource;
        this.seeder = seeder;
    }

    /** No owner's prices, and none in the history; the seed's prices as the committed seed has them. */
    public void reset() throws Exception {
        execute("DELETE FROM ai_model_price_overrides");
        execute("DELETE FROM ai_model_price_history WHERE source = 'owner'");
        seeder.forgetAppliedSeeds();
        seeder.apply(SeedFiles.embedded());
    }

    /** Applies the committed seed with some rows changed, as a new seed file would be. */
    public SeedOutcome applyChangedSeed(UnaryOperator<PriceBookRow> change) throws Exception {
        List<PriceBookRow> rows =
                SeedFiles.embedded().rows().stream().map(change).toList();
        return seeder.apply(PriceSeed.parse("changed-seed.json", SeedFiles.write(rows)));
    }

    public long count(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    /** The base prices the seed's row in {@code ai_model_prices} holds, as text. */
    public String seedRow(String provider, String model) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT concat_ws(',', input_price, output_price, cache_read_price, cache_write_price)"
                                + " FROM ai_model_prices WHERE provider = ? AND model = ?")) {
            statement.setString(1, provider);
            statement.setString(2, model);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? result.getString(1) : null;
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.execute();
        }
    }
}
