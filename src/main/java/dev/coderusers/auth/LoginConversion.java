package dev.coderusers.auth;

import dev.coderusers.user.LoginType;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A row of {@code user_login_conversions}: a password user's conversion to an identity provider, in progress. */
@Entity
@Table(name = "user_login_conversions")
public class LoginConversion extends PanacheEntityBase {

    /** SHA-256 of the secret in the {@code coder_oauth_convert_jwt} cookie. */
    @Id
    public byte[] cookieHash;

    public String state;
    public UUID userId;
    public LoginType fromLoginType;
    public LoginType toLoginType;
    public Instant createdAt;
    public Instant expiresAt;

    static Optional<LoginConversion> findByState(String state) {
        return find("state", state).firstResultOptional();
    }
}
