package dev.coderusers.apikey;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code codersdk.CreateTokenRequest}. Every field is optional: lifetime 0 means the default, no scopes
 * mean {@code coder:all}, no name means a generated one, no allow list means {@code *:*}.
 */
@Schema(name = "codersdk.CreateTokenRequest")
public record CreateTokenRequest(
        @Schema(
                description = "Go time.Duration: integer nanoseconds; 0 or absent for the default lifetime.",
                format = "int64")
        Long lifetime,

        @Schema(implementation = ApiKeyScopeSchema.Scope.class, description = "Deprecated: use Scopes instead.")
        String scope,

        @Schema(
                description = "Scopes: all, application_connect, coder:* composites, <resource>:<action>.",
                type = SchemaType.ARRAY,
                implementation = ApiKeyScopeSchema.Scope.class)
        List<String> scopes,

        @Schema(description = "Unique among the user's tokens; generated when empty.")
        String tokenName,

        @Schema(
                description = "Entries \"<resource type or *>:<uuid or *>\" (strings).",
                type = SchemaType.ARRAY,
                implementation = String.class)
        List<String> allowList) {}
