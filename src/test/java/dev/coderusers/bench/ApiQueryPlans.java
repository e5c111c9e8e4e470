package dev.coderusers.bench;

import dev.coderusers.api.Pagination;
import dev.coderusers.apikey.SessionStore;
import dev.coderusers.user.UserDirectory;
import dev.coderusers.user.UserSearchQuery;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Prints {@code EXPLAIN (ANALYZE, BUFFERS)} of the statements behind the endpoints that bench/api loads, built by
 * the service's own code ({@link SessionStore#READ}, {@link UserDirectory#statement}) with the same parameters,
 * after two unmeasured runs of each (a warm cache, as under load). Run by bench/api; see bench/README.md.
 *
 * <p>Environment: {@code BENCH_JDBC_URL}, {@code BENCH_DB_USERNAME}, {@code BENCH_DB_PASSWORD}, {@code
 * BENCH_KEY_ID} (a session key of the database), {@code BENCH_USERS} (for the deep page's offset).
 */
public final class ApiQueryPlans {

    private ApiQueryPlans() {}

    public static void main(String[] args) throws SQLException {
        int users = Integer.parseInt(System.getenv().getOrDefault("BENCH_USERS", "100000"));
        try (Connection connection = DriverManager.getConnection(
                System.getenv("BENCH_JDBC_URL"),
                System.getenv("BENCH_DB_USERNAME"),
                System.getenv("BENCH_DB_PASSWORD"))) {
            explain(
                    connection,
                    "GET /users/me: the session read",
                    SessionStore.READ,
                    List.<Object>of(System.getenv("BENCH_KEY_ID")));
            search(connection, "GET /users?q=user42&limit=25", "user42", new Pagination(null, 25, 0));
            search(connection, "GET /users?limit=25&offset=" + users / 2, null, new Pagination(null, 25, users / 2));
            search(
                    connection,
                    "GET /users?q=status:active login_type:github&limit=25",
                    "status:active login_type:github",
                    new Pagination(null, 25, 0));
            search(
                    connection,
                    "GET /users?q=status:suspended&limit=25",
                    "status:suspended",
                    new Pagination(null, 25, 0));
            search(connection, "GET /users?q=name:4242&limit=25", "name:4242", new Pagination(null, 25, 0));
            UUID middle = middleUser(connection);
            search(connection, "GET /users?after_id=<the middle user>&limit=25", null, new Pagination(middle, 25, 0));
        }
    }

    private static void search(Connection connection, String title, String q, Pagination page) throws SQLException {
        UserDirectory.SearchStatement statement = UserDirectory.statement(UserSearchQuery.parse(q), page, null);
        explain(connection, title, statement.sql(), statement.parameters());
    }

    private static void explain(Connection connection, String title, String sql, List<Object> parameters)
            throws SQLException {
        for (int i = 0; i < 2; i++) {
            run(connection, sql, parameters, false);
        }
        System.out.println();
        System.out.println("### " + title);
        System.out.println();
        System.out.println("```");
        for (String line : run(connection, "EXPLAIN (ANALYZE, BUFFERS) " + sql, parameters, true)) {
            System.out.println(line);
        }
        System.out.println("```");
    }

    private static List<String> run(Connection connection, String sql, List<Object> parameters, boolean collect)
            throws SQLException {
        List<String> lines = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            new UserDirectory.SearchStatement(sql, parameters).bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    if (collect) {
                        lines.add(rows.getString(1));
                    }
                }
            }
        }
        return lines;
    }

    private static UUID middleUser(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                        "SELECT id FROM users WHERE NOT deleted AND NOT is_system ORDER BY lower(username)"
                                + " OFFSET (SELECT count(*) / 2 FROM users WHERE NOT deleted AND NOT is_system) LIMIT 1");
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getObject(1, UUID.class);
        }
    }
}
