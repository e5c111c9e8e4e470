package dev.coderusers.apikey;

import dev.coderusers.user.LoginType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code codersdk.APIKeyWithOwner}: an {@link ApiKeyResponse} with its user's name, as the token list shows
 * it. Go embeds the key's fields at the top level, so they are repeated here rather than nested.
 */
@Schema(name = "codersdk.APIKeyWithOwner")
public record ApiKeyWithOwner(
        @Schema(required = true) String id,
        @Schema(required = true, format = "uuid") UUID userId,
        @Schema(required = true, format = "date-time") Instant lastUsed,
        @Schema(required = true, format = "date-time") Instant expiresAt,
        @Schema(required = true, format = "date-time") Instant createdAt,
        @Schema(required = true, format = "date-time") Instant updatedAt,

        @Schema(
                required = true,
                enumeration = {"password", "github", "oidc", "token"})
        LoginType loginType,

        @Schema(
                description = "Deprecated: use Scopes instead.",
                enumeration = {"all", "application_connect", ""})
        String scope,

        @Schema(type = SchemaType.ARRAY, implementation = ApiKeyScopeSchema.Scope.class)
        List<String> scopes,

        @Schema(required = true) String tokenName,
        @Schema(required = true) long lifetimeSeconds,

        @Schema(
                description = "Entries \"<resource type>:<id>\".",
                type = SchemaType.ARRAY,
                implementation = String.class)
        List<String> allowList,

        @Schema(description = "Username of the key's user.") String username) {

    public static ApiKeyWithOwner of(ApiKeyResponse key, String username) {
        return new ApiKeyWithOwner(
                key.id(),
                key.userId(),
                key.lastUsed(),
                key.expiresAt(),
                key.createdAt(),
                key.updatedAt(),
                key.loginType(),
                key.scope(),
                key.scopes(),
                key.tokenName(),
                key.lifetimeSeconds(),
                key.allowList(),
                username);
    }
}
