package dev.coderusers.usersecret;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A row of {@code user_secrets}. {@link #value} is ciphertext (see {@link SecretCipher}); nothing prints it. */
@Entity
@Table(name = "user_secrets")
public class UserSecret extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID userId;
    public String name;
    public String description;
    public String envName;
    public String filePath;
    public byte[] value;
    public String valueKeyId;
    public Instant createdAt;
    public Instant updatedAt;

    /** The user's secrets, by name (Coder's order). */
    public static List<UserSecret> listOf(UUID userId) {
        return list("userId = ?1 order by name", userId);
    }

    public static Optional<UserSecret> findByName(UUID userId, String name) {
        return find("userId = ?1 and name = ?2", userId, name).firstResultOptional();
    }

    @Override
    public String toString() {
        return "UserSecret[id=" + id + ", user_id=" + userId + ", name=" + name + ", value_key_id=" + valueKeyId + "]";
    }
}
