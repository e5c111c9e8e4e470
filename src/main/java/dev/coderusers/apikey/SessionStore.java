package dev.coderusers.apikey;

import dev.coderusers.database.RetriesLostConnection;
import dev.coderusers.user.LoginType;
import dev.coderusers.user.User;
import dev.coderusers.user.UserRows;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The database side of session authentication, in plain JDBC because it runs on every authenticated request:
 * one read of the key, its user, the user's memberships and (for GitHub and OIDC keys) whether the link still
 * exists, as a single statement outside any transaction; and the rare write of the hourly refresh and of a
 * dormant user's activation, as a single statement too.
 *
 * <p>Nothing is cached: every request reads the rows as they are, so a key that was deleted, expired or
 * logged out, or a user who was suspended or deleted, is refused by the very next request on every replica.
 */
@ApplicationScoped
public class SessionStore {

    /**
     * One row per membership (one row with NULL membership columns for a user without any), in the order
     * Coder lists a user's organizations. A user that is gone leaves the user columns NULL. Public for the plans
     * that bench/api prints.
     */
    public static final String READ = "SELECT k.hashed_secret, k.user_id, k.last_used, k.expires_at, k.created_at,"
            + " k.updated_at, k.login_type, k.lifetime_seconds, k.ip_address, k.token_name, k.scopes, k.allow_list,"
            + " k.login_type IN ('github', 'oidc') AND NOT EXISTS (SELECT FROM user_links l"
            + " WHERE l.user_id = k.user_id AND l.login_type = k.login_type),"
            + " m.organization_id, m.roles, o.deleted, "
            + UserRows.COLUMNS
            + " FROM api_keys k"
            + " LEFT JOIN users u ON u.id = k.user_id"
            + " LEFT JOIN organization_members m ON m.user_id = u.id"
            + " LEFT JOIN organizations o ON o.id = m.organization_id"
            + " WHERE k.id = ?"
            + " ORDER BY m.created_at, o.name";

    private static final int FIRST_USER_COLUMN = 17;

    /**
     * The refresh of a key (only while the key still holds the values this request read, so that concurrent
     * requests write it once and an expiry set meanwhile is never pushed back) and, in the same statement, the
     * user's {@code last_seen_at} when the key was refreshed and its activation when it was dormant (only while
     * it still is, so that a suspension meanwhile is never undone). Only the columns that change are written. The
     * user's part is {@code user}'s own statement ({@link UserRows#RECORD_SEEN}): that package owns {@code users}.
     */
    private static final String RECORD_USE = "WITH refreshed AS ("
            + " UPDATE api_keys SET last_used = ?, ip_address = ?, expires_at = ?, updated_at = ?"
            + " WHERE ? AND id = ? AND last_used = ? AND expires_at = ?"
            + " RETURNING user_id) "
            + UserRows.RECORD_SEEN;

    private final AgroalDataSource dataSource;

    public SessionStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A key as stored, with what authentication needs besides it. */
    public record StoredKey(ApiKey key, User user, boolean providerLinkMissing, List<Membership> memberships) {}

    /** A membership of the key's user, with whether its organization is deleted. */
    public record Membership(UUID organizationId, List<String> roles, boolean organizationDeleted) {}

    /**
     * The key with this id, its user ({@code null} when gone) and the user's memberships; empty when none. Read
     * outside any transaction, so a connection lost under it (failover, {@code pg_terminate_backend}) reads once
     * more rather than failing every request in flight with a 500.
     */
    @RetriesLostConnection
    public Optional<StoredKey> find(String keyId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(READ)) {
            statement.setString(1, keyId);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                ApiKey key = readKey(row, keyId);
                boolean linkMissing = row.getBoolean(13);
                User user = UserRows.read(row, FIRST_USER_COLUMN);
                List<Membership> memberships = new ArrayList<>(1);
                do {
                    UUID organizationId = row.getObject(14, UUID.class);
                    if (organizationId != null) {
                        memberships.add(new Membership(
                                organizationId, List.copyOf(UserRows.texts(row, 15)), row.getBoolean(16)));
                    }
                } while (row.next());
                return Optional.of(new StoredKey(key, user, linkMissing, memberships));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the session of API key " + keyId + " failed", e);
        }
    }

    /**
     * Writes a use of the key: its refresh when {@code refreshed} is not null, the user's activation when
     * {@code activate}. {@code read} is the key as {@link #find} returned it.
     *
     * @return whether anything was written: false when another request wrote the same refresh first, or the key
     *     or user changed since {@code read}
     */
    // Safe to run twice: its statement writes only while the rows still hold what the request read, so a second
    // run after a first that did commit finds them changed and writes nothing.
    @RetriesLostConnection
    public boolean recordUse(ApiKey read, Refresh refreshed, boolean activate, Instant now) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(RECORD_USE)) {
            boolean refresh = refreshed != null;
            UserRows.bind(statement, 1, refresh ? refreshed.lastUsed() : null);
            statement.setObject(2, refresh ? refreshed.ipAddress() : null, Types.OTHER);
            UserRows.bind(statement, 3, refresh ? refreshed.expiresAt() : null);
            UserRows.bind(statement, 4, now);
            statement.setBoolean(5, refresh);
            statement.setString(6, read.id);
            UserRows.bind(statement, 7, read.lastUsed);
            UserRows.bind(statement, 8, read.expiresAt);
            UserRows.bind(statement, 9, now);
            statement.setBoolean(10, activate);
            UserRows.bind(statement, 11, now);
            statement.setObject(12, read.userId);
            statement.setBoolean(13, activate);
            return statement.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new IllegalStateException("Recording the use of API key " + read.id + " failed", e);
        }
    }

    /** The new values of a key's refresh. */
    public record Refresh(Instant lastUsed, String ipAddress, Instant expiresAt) {}

    private static ApiKey readKey(ResultSet row, String keyId) throws SQLException {
        ApiKey key = new ApiKey();
        key.id = keyId;
        key.hashedSecret = row.getBytes(1);
        key.userId = row.getObject(2, UUID.class);
        key.lastUsed = UserRows.instant(row, 3);
        key.expiresAt = UserRows.instant(row, 4);
        key.createdAt = UserRows.instant(row, 5);
        key.updatedAt = UserRows.instant(row, 6);
        key.loginType = LoginType.parse(row.getString(7)).orElseThrow();
        key.lifetimeSeconds = row.getLong(8);
        key.ipAddress = row.getString(9);
        key.tokenName = row.getString(10);
        key.scopes = UserRows.texts(row, 11);
        key.allowList = UserRows.texts(row, 12);
        return key;
    }
}
