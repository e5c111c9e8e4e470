package dev.coderusers.user;

import dev.coderusers.api.Pagination;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The user search of {@code GET /users} (Coder's {@code GetUsers}) as one read-only SQL statement, outside any
 * transaction: filters AND-ed, deleted and system users excluded, ordered by {@code lower(username)}, the page's
 * rows with their organization ids, and the number of users matching.
 *
 * <p>The shape is chosen for 100 000+ users (see bench/README.md and the indexes of V12): the page is picked
 * from {@code users_listed_username_idx} by an index-only scan (a deep offset skips index entries, not rows),
 * only the page's rows are then read, and the count is a separate aggregate without any sort, evaluated only
 * when the page is not empty (Coder reports 0 for an empty page). A text search ({@code ILIKE}) collects its
 * matches once through trigram indexes, and both the page and the count are taken from them.
 */
@ApplicationScoped
public class UserDirectory {

    private final AgroalDataSource dataSource;

    public UserDirectory(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One page of users and the number of users matching (0 when the page is empty). */
    public record Page(List<Listed> users, long total) {}

    /** A user of the page and the (not deleted) organizations it belongs to; {@code null} for none, as Coder. */
    public record Listed(User user, List<UUID> organizationIds) {}

    /**
     * @param onlyUserId when not null, the caller may read only this user (members see themselves only)
     */
    public Page search(UserFilter filter, Pagination page, UUID onlyUserId) {
        SearchStatement search = statement(filter, page, onlyUserId);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(search.sql())) {
            search.bind(statement);
            List<Listed> users = new ArrayList<>();
            long total = 0;
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    total = row.getLong(1);
                    users.add(new Listed(UserRows.read(row, 2), UserRows.uuids(row, 2 + UserRows.COLUMN_COUNT)));
                }
            }
            return new Page(users, total);
        } catch (SQLException e) {
            throw new IllegalStateException("The user search failed", e);
        }
    }

    /** The SQL of a search and its parameters in order; public for the benchmark's {@code EXPLAIN}. */
    public record SearchStatement(String sql, List<Object> parameters) {

        public void bind(PreparedStatement statement) throws SQLException {
            for (int i = 0; i < parameters.size(); i++) {
                Object value = parameters.get(i);
                if (value instanceof Instant instant) {
                    UserRows.bind(statement, i + 1, instant);
                } else {
                    statement.setObject(i + 1, value);
                }
            }
        }
    }

    public static SearchStatement statement(UserFilter filter, Pagination page, UUID onlyUserId) {
        List<Object> filters = new ArrayList<>();
        String where = where(filter, page, onlyUserId, filters);
        List<Object> parameters = new ArrayList<>(filters);
        // Usernames are unique case-insensitively among users that are not deleted, which are the only ones listed:
        // lower(username) alone is a total order, and the index's.
        String matching = "SELECT u.id, lower(u.username) AS sort_key FROM users u" + where;
        StringBuilder sql = new StringBuilder();
        boolean textSearch = filter.search() != null || filter.name() != null;
        String count;
        if (textSearch) {
            // A text search: its matches lie anywhere in the username order, so walking that order until a page is
            // full can read most of the table (the planner cannot know). Collect the matches once through the
            // trigram indexes instead, then sort them for the page and count them, without a second scan.
            sql.append("WITH matching AS MATERIALIZED (")
                    .append(matching)
                    .append("), page AS (SELECT id, sort_key FROM matching ORDER BY sort_key");
            count = "SELECT count(*) FROM matching";
        } else {
            // Otherwise the page is read in index order, and a deep offset skips index entries, not rows.
            sql.append("WITH page AS (").append(matching).append(" ORDER BY lower(u.username)");
            count = "SELECT count(*) FROM users u" + where;
        }
        if (page.offset() > 0) {
            sql.append(" OFFSET ?");
            parameters.add(page.offset());
        }
        if (page.limit() > 0) {
            sql.append(" LIMIT ?");
            parameters.add(page.limit());
        }
        sql.append(") SELECT (")
                .append(count)
                .append("), ")
                .append(UserRows.COLUMNS)
                .append(", (SELECT array_agg(m.organization_id ORDER BY m.created_at, o.name)"
                        + " FROM organization_members m JOIN organizations o ON o.id = m.organization_id"
                        + " WHERE m.user_id = u.id AND NOT o.deleted)")
                .append(" FROM page JOIN users u ON u.id = page.id ORDER BY page.sort_key");
        if (!textSearch) {
            // The count repeats the filters, after the page's offset and limit.
            parameters.addAll(filters);
        }
        return new SearchStatement(sql.toString(), List.copyOf(parameters));
    }

    /** The WHERE clause of both the page and the count, appending its parameters. */
    private static String where(UserFilter filter, Pagination page, UUID onlyUserId, List<Object> parameters) {
        StringBuilder sql = new StringBuilder(" WHERE u.deleted = false AND u.is_system = false");
        if (onlyUserId != null) {
            sql.append(" AND u.id = ?");
            parameters.add(onlyUserId);
        }
        if (page.afterId() != null) {
            // Keyset cursor on lower(username); the cursor row is looked up whatever its state, and a
            // cursor that does not exist yields no rows (the comparison with NULL is never true).
            sql.append(" AND lower(u.username) > (SELECT lower(c.username) FROM users c WHERE c.id = ?)");
            parameters.add(page.afterId());
        }
        if (filter.search() != null) {
            sql.append(" AND (u.email ILIKE concat('%', CAST(? AS text), '%')"
                    + " OR u.username ILIKE concat('%', CAST(? AS text), '%'))");
            parameters.add(filter.search());
            parameters.add(filter.search());
        }
        if (filter.name() != null) {
            sql.append(" AND u.name ILIKE concat('%', CAST(? AS text), '%')");
            parameters.add(filter.name());
        }
        if (!filter.statuses().isEmpty()) {
            sql.append(" AND u.status = ANY (CAST(? AS user_status[]))");
            parameters.add(arrayLiteral(filter.statuses(), UserStatus::value));
        }
        if (!filter.roles().isEmpty()) {
            sql.append(" AND u.rbac_roles && CAST(? AS text[])");
            parameters.add(arrayLiteral(filter.roles(), Function.identity()));
        }
        if (!filter.loginTypes().isEmpty()) {
            sql.append(" AND u.login_type = ANY (CAST(? AS login_type[]))");
            parameters.add(arrayLiteral(filter.loginTypes(), LoginType::value));
        }
        if (filter.serviceAccount() != null) {
            sql.append(" AND u.is_service_account = ?");
            parameters.add(filter.serviceAccount());
        }
        if (filter.lastSeenBefore() != null) {
            sql.append(" AND u.last_seen_at <= ?");
            parameters.add(filter.lastSeenBefore());
        }
        if (filter.lastSeenAfter() != null) {
            sql.append(" AND u.last_seen_at >= ?");
            parameters.add(filter.lastSeenAfter());
        }
        if (filter.createdBefore() != null) {
            sql.append(" AND u.created_at <= ?");
            parameters.add(filter.createdBefore());
        }
        if (filter.createdAfter() != null) {
            sql.append(" AND u.created_at >= ?");
            parameters.add(filter.createdAfter());
        }
        if (filter.githubComUserId() != null) {
            sql.append(" AND u.github_com_user_id = ?");
            parameters.add(filter.githubComUserId());
        }
        return sql.toString();
    }

    /** A PostgreSQL array literal ({@code {"a","b"}}), bound as one text parameter and cast in SQL. */
    private static <T> String arrayLiteral(Iterable<T> values, Function<T, String> toText) {
        StringBuilder out = new StringBuilder("{");
        for (T value : values) {
            if (out.length() > 1) {
                out.append(',');
            }
            String text = toText.apply(value).replace("\\", "\\\\").replace("\"", "\\\"");
            out.append('"').append(text).append('"');
        }
        return out.append('}').toString();
    }
}
