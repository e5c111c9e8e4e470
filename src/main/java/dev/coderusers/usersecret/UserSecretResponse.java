package dev.coderusers.usersecret;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code codersdk.UserSecret}: a secret's metadata. The value is never part of it. */
@Schema(name = "codersdk.UserSecret")
public record UserSecretResponse(
        UUID id,
        String name,
        String description,
        String envName,
        String filePath,
        Instant createdAt,
        Instant updatedAt) {

    static UserSecretResponse of(UserSecret secret) {
        return new UserSecretResponse(
                secret.id,
                secret.name,
                secret.description,
                secret.envName,
                secret.filePath,
                secret.createdAt,
                secret.updatedAt);
    }
}
