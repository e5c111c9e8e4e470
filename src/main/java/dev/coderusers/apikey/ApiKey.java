package dev.coderusers.apikey;

import dev.coderusers.user.LoginType;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A row of {@code api_keys}. The token is {@code <id>-<secret>}; only SHA-256(secret) is stored, so the
 * secret exists in memory only while the key is created or checked.
 */
@Entity
@Table(name = "api_keys")
public class ApiKey extends PanacheEntityBase {

    /** Coder's default for keys: scope {@code coder:all}. */
    public static final String SCOPE_ALL = "coder:all";

    public static final String SCOPE_APPLICATION_CONNECT = "coder:application_connect";

    /** Coder's default allow list: every resource. */
    public static final String ALLOW_ALL = "*:*";

    @Id
    public String id;

    public byte[] hashedSecret;
    public UUID userId;
    public Instant lastUsed;
    public Instant expiresAt;
    public Instant createdAt;
    public Instant updatedAt;
    public LoginType loginType;
    public long lifetimeSeconds;
    public String ipAddress;
    public String tokenName;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> scopes = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> allowList = new ArrayList<>();

    public static Optional<ApiKey> findByKeyId(String id) {
        return findByIdOptional(id);
    }

    /** Deletes every key of the user (a password change or reset ends all its sessions and tokens). */
    static long deleteByUser(UUID userId) {
        return deleteCounted("user_id = ?1", userId);
    }

    /** Deletes the user's keys of one login type (a login conversion ends the password sessions). */
    static long deleteByUserAndLoginType(UUID userId, LoginType loginType) {
        return deleteCounted("user_id = ?1 AND login_type = ?2", userId, loginType.value());
    }

    /**
     * Deletes the keys that {@code condition} selects and counts them by login type in {@link ApiKeyMetrics}: one
     * statement, which returns the type of each row it deleted.
     */
    static long deleteCounted(String condition, Object... parameters) {
        var query = getEntityManager()
                .createNativeQuery("DELETE FROM api_keys WHERE " + condition + " RETURNING CAST(login_type AS text)");
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        Map<LoginType, Long> byType = new EnumMap<>(LoginType.class);
        for (Object type : query.getResultList()) {
            LoginType.parse(type.toString()).ifPresent(loginType -> byType.merge(loginType, 1L, Long::sum));
        }
        ApiKeyMetrics metrics = ApiKeyMetrics.current();
        byType.forEach(metrics::deleted);
        return byType.values().stream().mapToLong(Long::longValue).sum();
    }
}
