package dev.coderusers.preference;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A row of {@code user_configs}: one personal setting of a user as a key/value pair (Coder keeps appearance
 * and preference settings this way). Rows are written by {@link PreferenceService}'s upsert only.
 */
@Entity
@Table(name = "user_configs")
@IdClass(UserConfig.Key.class)
public class UserConfig extends PanacheEntityBase {

    @Id
    public UUID userId;

    @Id
    public String key;

    public String value;

    /** The stored values of the given keys for one user; keys never set are absent from the map. */
    public static Map<String, String> valuesOf(UUID userId, Collection<String> keys) {
        List<UserConfig> rows = list("userId = ?1 and key in ?2", userId, keys);
        Map<String, String> values = new HashMap<>();
        for (UserConfig row : rows) {
            values.put(row.key, row.value);
        }
        return values;
    }

    /** Composite key (user_id, key). */
    public static class Key implements Serializable {
        public UUID userId;
        public String key;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(userId, k.userId) && Objects.equals(key, k.key);
        }

        @Override
        public int hashCode() {
            return Objects.hash(userId, key);
        }
    }
}
