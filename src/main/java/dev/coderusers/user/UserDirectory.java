package dev.coderusers.user;

import dev.coderusers.api.Pagination;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The user search of {@code GET /users} as one SQL query (Coder's {@code GetUsers}): filters AND-ed,
 * deleted and system users excluded, ordered by {@code lower(username)}, with the total counted by
 * {@code COUNT(*) OVER()} before offset and limit.
 */
@ApplicationScoped
public class UserDirectory {

    private final EntityManager entityManager;

    public UserDirectory(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** One page of users and the number of users matching. */
    public record Page(List<User> users, long total) {}

    /**
     * @param onlyUserId when not null, the caller may read only this user (members see themselves only)
     */
    public Page search(UserFilter filter, Pagination page, UUID onlyUserId) {
        StringBuilder sql = new StringBuilder("SELECT u.id, COUNT(*) OVER () AS total FROM users u"
                + " WHERE u.deleted = false AND u.is_system = false");
        Map<String, Object> parameters = new HashMap<>();
        if (onlyUserId != null) {
            sql.append(" AND u.id = :only_user_id");
            parameters.put("only_user_id", onlyUserId);
        }
        if (page.afterId() != null) {
            // Keyset cursor on lower(username); the cursor row is looked up whatever its state, and a
            // cursor that does not exist yields no rows (the comparison with NULL is never true).
            sql.append(" AND lower(u.username) > (SELECT lower(c.username) FROM users c WHERE c.id = :after_id)");
            parameters.put("after_id", page.afterId());
        }
        if (filter.search() != null) {
            sql.append(" AND (u.email ILIKE concat('%', CAST(:search AS text), '%')"
                    + " OR u.username ILIKE concat('%', CAST(:search AS text), '%'))");
            parameters.put("search", filter.search());
        }
        if (filter.name() != null) {
            sql.append(" AND u.name ILIKE concat('%', CAST(:name AS text), '%')");
            parameters.put("name", filter.name());
        }
        if (!filter.statuses().isEmpty()) {
            sql.append(" AND u.status = ANY (CAST(:statuses AS user_status[]))");
            parameters.put("statuses", arrayLiteral(filter.statuses(), UserStatus::value));
        }
        if (!filter.roles().isEmpty()) {
            sql.append(" AND u.rbac_roles && CAST(:roles AS text[])");
            parameters.put("roles", arrayLiteral(filter.roles(), Function.identity()));
        }
        if (!filter.loginTypes().isEmpty()) {
            sql.append(" AND u.login_type = ANY (CAST(:login_types AS login_type[]))");
            parameters.put("login_types", arrayLiteral(filter.loginTypes(), LoginType::value));
        }
        if (filter.serviceAccount() != null) {
            sql.append(" AND u.is_service_account = :service_account");
            parameters.put("service_account", filter.serviceAccount());
        }
        if (filter.lastSeenBefore() != null) {
            sql.append(" AND u.last_seen_at <= :last_seen_before");
            parameters.put("last_seen_before", filter.lastSeenBefore());
        }
        if (filter.lastSeenAfter() != null) {
            sql.append(" AND u.last_seen_at >= :last_seen_after");
            parameters.put("last_seen_after", filter.lastSeenAfter());
        }
        if (filter.createdBefore() != null) {
            sql.append(" AND u.created_at <= :created_before");
            parameters.put("created_before", filter.createdBefore());
        }
        if (filter.createdAfter() != null) {
            sql.append(" AND u.created_at >= :created_after");
            parameters.put("created_after", filter.createdAfter());
        }
        if (filter.githubComUserId() != null) {
            sql.append(" AND u.github_com_user_id = :github_com_user_id");
            parameters.put("github_com_user_id", filter.githubComUserId());
        }
        sql.append(" ORDER BY lower(u.username) ASC, u.id");
        if (page.offset() > 0) {
            sql.append(" OFFSET :offset");
            parameters.put("offset", page.offset());
        }
        if (page.limit() > 0) {
            sql.append(" LIMIT :limit");
            parameters.put("limit", page.limit());
        }

        Query query = entityManager.createNativeQuery(sql.toString(), Object[].class);
        parameters.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        if (rows.isEmpty()) {
            return new Page(List.of(), 0);
        }
        List<UUID> ids = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            ids.add((UUID) row[0]);
        }
        long total = ((Number) rows.get(0)[1]).longValue();
        Map<UUID, User> byId =
                User.<User>list("id in ?1", ids).stream().collect(Collectors.toMap(u -> u.id, Function.identity()));
        return new Page(ids.stream().map(byId::get).toList(), total);
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
