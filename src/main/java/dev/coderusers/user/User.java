package dev.coderusers.user;

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

/** A row of {@code users}. Users are soft-deleted: finders that take a name or email skip deleted rows. */
@Entity
@Table(name = "users")
public class User extends PanacheEntityBase {

    @Id
    public UUID id;

    public String email;
    public String username;
    public String name;
    public String hashedPassword;
    public Instant createdAt;
    public Instant updatedAt;
    public UserStatus status;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> rbacRoles = new ArrayList<>();

    public LoginType loginType;
    public String avatarUrl;
    public boolean deleted;
    public Instant lastSeenAt;
    public Long githubComUserId;
    public boolean isSystem;
    public boolean isServiceAccount;

    /** SHA-256 of the outstanding password-reset passcode, or null (see {@link OneTimePasscodeService}). */
    public byte[] hashedOneTimePasscode;

    public Instant oneTimePasscodeExpiresAt;

    /** By id, deleted or not: Coder's {@code GetUserByID} does not filter soft-deleted users. */
    public static Optional<User> findByIdIncludingDeleted(UUID id) {
        return findByIdOptional(id);
    }

    /** Case-insensitive, among users that are not deleted. */
    public static Optional<User> findByUsername(String username) {
        return find("lower(username) = lower(?1) and deleted = false", username).firstResultOptional();
    }

    /** Case-insensitive, among users that are not deleted. */
    public static Optional<User> findByEmail(String email) {
        return find("lower(email) = lower(?1) and deleted = false and email <> ''", email)
                .firstResultOptional();
    }

    /** Users that exist for people (not system users), not deleted. */
    public static long countHumans() {
        return count("deleted = false and isSystem = false");
    }

    public boolean hasSiteRole(String role) {
        return rbacRoles.contains(role);
    }

    /**
     * Makes this detached snapshot show what {@link UserRows#RECORD_SEEN} wrote for a session's use: the user seen
     * now when its key was refreshed, and active when it was dormant. Changes nothing in the database.
     */
    public void showRecordedUse(boolean seen, boolean activated, Instant now) {
        if (seen) {
            lastSeenAt = now;
            updatedAt = now;
        }
        if (activated) {
            status = UserStatus.ACTIVE;
            updatedAt = now;
        }
    }
}
