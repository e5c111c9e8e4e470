package dev.coderusers.auth;

import dev.coderusers.user.LoginType;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of {@code user_links}: a user's identity at GitHub or an OpenID Connect provider. */
@Entity
@Table(name = "user_links")
@IdClass(UserLink.Key.class)
public class UserLink extends PanacheEntityBase {

    @Id
    public UUID userId;

    /**
     * The login type's wire value ({@code github}, {@code oidc}). A String, not {@link LoginType}: JPA allows
     * no attribute converter on an id column.
     */
    @Id
    public String loginType;

    /** GitHub's numeric user id, or {@code <issuer>||<subject>} for OpenID Connect. */
    public String linkedId;

    public String oauthAccessToken;
    public String oauthRefreshToken;
    public Instant oauthExpiry;

    /** The merged ID token and userinfo claims of the last sign-in, as JSON. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String claims;

    /** The link with this provider id ({@code linked_id}); links without an id never match. */
    public static Optional<UserLink> findByLinkedId(String linkedId) {
        if (linkedId == null || linkedId.isEmpty()) {
            return Optional.empty();
        }
        return find("linkedId = ?1", linkedId).firstResultOptional();
    }

    public static Optional<UserLink> findFor(UUID userId, LoginType loginType) {
        return find("userId = ?1 and loginType = ?2", userId, loginType.value()).firstResultOptional();
    }

    /** Composite key (user_id, login_type). */
    public static class Key implements Serializable {
        public UUID userId;
        public String loginType;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(userId, k.userId) && Objects.equals(loginType, k.loginType);
        }

        @Override
        public int hashCode() {
            return Objects.hash(userId, loginType);
        }
    }
}
