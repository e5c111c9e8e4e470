package dev.coderusers.apikey;

import dev.coderusers.user.LoginType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code codersdk.APIKey}: a key as shown to clients. The secret and its hash are never part of it. */
@Schema(name = "codersdk.APIKey")
public record ApiKeyResponse(
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
                description = "Deprecated: use Scopes instead. Derived from scopes: application_connect"
                        + " if they hold coder:application_connect, else all if they hold coder:all,"
                        + " else empty.",
                enumeration = {"all", "application_connect", ""})
        String scope,

        @Schema(type = SchemaType.ARRAY, implementation = ApiKeyScopeSchema.Scope.class)
        List<String> scopes,

        @Schema(required = true) String tokenName,
        @Schema(required = true) long lifetimeSeconds,

        @Schema(
                description = "Entries \"<resource type>:<id>\", \"*\" as a wildcard for either part"
                        + " (strings, not the objects the published swagger shows).",
                type = SchemaType.ARRAY,
                implementation = String.class)
        List<String> allowList) {

    public static ApiKeyResponse of(ApiKey key) {
        return new ApiKeyResponse(
                key.id,
                key.userId,
                key.lastUsed,
                key.expiresAt,
                key.createdAt,
                key.updatedAt,
                key.loginType,
                ApiKeyScopes.legacyScope(key.scopes),
                List.copyOf(key.scopes),
                key.tokenName,
                key.lifetimeSeconds,
                List.copyOf(key.allowList));
    }
}
