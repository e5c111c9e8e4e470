package dev.coderusers.apikey;

import dev.coderusers.user.LoginType;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

    public static long deleteByUser(UUID userId) {
        return delete("userId", userId);
    }
}
