package dev.coderusers.user;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;
import java.util.UUID;

/**
 * Reads {@code users} rows from plain JDBC result sets, for the two read paths that skip Hibernate (the session
 * read of every authenticated request, and the user search): the columns to select and the detached
 * {@link User} they make. The entity stays the one mapping of the table; this is its read-only twin.
 */
public final class UserRows {

    /** Every column of {@code users}, qualified by {@code u}, in the order {@link #read} expects them. */
    public static final String COLUMNS = "u.id, u.email, u.username, u.name, u.hashed_password, u.created_at,"
            + " u.updated_at, u.status, u.rbac_roles, u.login_type, u.avatar_url, u.deleted, u.last_seen_at,"
            + " u.github_com_user_id, u.is_system, u.is_service_account";

    /** How many columns {@link #COLUMNS} lists. */
    public static final int COLUMN_COUNT = 16;

    /**
     * The user's side of a session's use, for the one statement that records it (apikey's {@code SessionStore}):
     * {@code last_seen_at} when the key was refreshed (a CTE named {@code refreshed} returned a row), and the
     * activation of a dormant user (only while it still is, so that a suspension meanwhile is never undone).
     * Written here, by the owner of {@code users}, and composed there, so that authentication stays one round
     * trip. Parameters in order: last seen at, activate, updated at, user id, activate.
     */
    public static final String RECORD_SEEN = "UPDATE users SET"
            + " last_seen_at = CASE WHEN EXISTS (SELECT FROM refreshed) THEN ? ELSE last_seen_at END,"
            + " status = CASE WHEN ? AND status = 'dormant' THEN 'active' ELSE status END,"
            + " updated_at = ?"
            + " WHERE id = ? AND (EXISTS (SELECT FROM refreshed) OR (? AND status = 'dormant'))";

    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    private UserRows() {}

    /**
     * The user whose {@link #COLUMNS} start at column {@code first}; {@code null} when the row is absent (an outer
     * join found none).
     */
    public static User read(ResultSet row, int first) throws SQLException {
        UUID id = row.getObject(first, UUID.class);
        if (id == null) {
            return null;
        }
        User user = new User();
        user.id = id;
        user.email = row.getString(first + 1);
        user.username = row.getString(first + 2);
        user.name = row.getString(first + 3);
        user.hashedPassword = row.getString(first + 4);
        user.createdAt = instant(row, first + 5);
        user.updatedAt = instant(row, first + 6);
        user.status = UserStatus.parse(row.getString(first + 7)).orElseThrow();
        user.rbacRoles = texts(row, first + 8);
        user.loginType = LoginType.parse(row.getString(first + 9)).orElseThrow();
        user.avatarUrl = row.getString(first + 10);
        user.deleted = row.getBoolean(first + 11);
        user.lastSeenAt = instant(row, first + 12);
        long githubId = row.getLong(first + 13);
        user.githubComUserId = row.wasNull() ? null : githubId;
        user.isSystem = row.getBoolean(first + 14);
        user.isServiceAccount = row.getBoolean(first + 15);
        return user;
    }

    /**
     * A {@code timestamptz} column; {@code null} stays {@code null}. Read through {@link Timestamp} in UTC, as
     * Hibernate reads the entities' {@code Instant}s, so that both paths give the same value for every row: they
     * differ from {@code OffsetDateTime} before 1582 (Go's zero time, which Hibernate stores as 0001-01-03 and
     * reads back as 0001-01-01).
     */
    public static Instant instant(ResultSet row, int column) throws SQLException {
        Timestamp value = row.getTimestamp(column, utc());
        return value == null ? null : value.toInstant();
    }

    /** Binds an {@code Instant} as Hibernate does (see {@link #instant}), so that stored values compare equal. */
    public static void bind(PreparedStatement statement, int parameter, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(parameter, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setTimestamp(parameter, Timestamp.from(value), utc());
        }
    }

    private static Calendar utc() {
        return Calendar.getInstance(UTC);
    }

    /** A {@code text[]} column as a mutable list ({@code []} for SQL NULL, as the entity's default). */
    public static List<String> texts(ResultSet row, int column) throws SQLException {
        Array array = row.getArray(column);
        if (array == null) {
            return new ArrayList<>();
        }
        try {
            return new ArrayList<>(Arrays.asList((String[]) array.getArray()));
        } finally {
            array.free();
        }
    }

    /** A {@code uuid[]} column; {@code null} for SQL NULL. */
    public static List<UUID> uuids(ResultSet row, int column) throws SQLException {
        Array array = row.getArray(column);
        if (array == null) {
            return null;
        }
        try {
            return List.of((UUID[]) array.getArray());
        } finally {
            array.free();
        }
    }
}
