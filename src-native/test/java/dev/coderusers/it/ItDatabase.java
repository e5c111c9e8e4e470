package dev.coderusers.it;

import dev.coderusers.testsupport.PostgresTestResource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A database of its own on the suite's PostgreSQL server (embedded, {@code CODER_USERS_TEST_JDBC_URL} or a
 * container): a test that starts the service on it sees a first start - no schema, no price book, no users -
 * whatever the other tests did before it.
 */
record ItDatabase(String url, String username, String password) {

    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]*)(.*)");

    /** Creates a new, empty database on the suite's server. */
    static ItDatabase fresh() {
        Map<String, String> server = new PostgresTestResource().start();
        ItDatabase admin = new ItDatabase(
                server.get("quarkus.datasource.jdbc.url"),
                server.get("quarkus.datasource.username"),
                server.get("quarkus.datasource.password"));
        String name = "it_" + UUID.randomUUID().toString().replace("-", "");
        admin.execute("CREATE DATABASE " + name);
        Matcher matcher = URL.matcher(admin.url);
        if (!matcher.matches()) {
            throw new IllegalStateException("Cannot name another database in " + admin.url);
        }
        return new ItDatabase(matcher.group(1) + name + matcher.group(3), admin.username, admin.password);
    }

    /** The datasource settings that point the service at this database. */
    Map<String, String> config() {
        return Map.of(
                "quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", username,
                "quarkus.datasource.password", password);
    }

    void execute(String sql) {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** The first column of the first row of a query: a count, a value the service wrote. */
    long queryLong(String sql) {
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            if (!rows.next()) {
                throw new IllegalStateException(sql + " returned no row");
            }
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, username, password);
    }
}
