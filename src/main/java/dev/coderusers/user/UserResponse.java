package dev.coderusers.user;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.coderusers.role.SlimRole;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code codersdk.User}, field for field. {@code name}, {@code avatar_url}, {@code is_service_account} and
 * {@code theme_preference} are omitted when empty (Go {@code omitempty}); {@code organization_ids} is
 * written even when null, which {@code GET /users} shows for a user without memberships.
 */
@Schema(name = "codersdk.User")
@JsonPropertyOrder({
    "id",
    "username",
    "name",
    "avatar_url",
    "email",
    "created_at",
    "updated_at",
    "last_seen_at",
    "status",
    "login_type",
    "is_service_account",
    "theme_preference",
    "organization_ids",
    "roles",
    "has_ai_seat"
})
public record UserResponse(
        @Schema(required = true, format = "uuid") UUID id,
        @Schema(required = true) String username,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) String name,

        @Schema(format = "uri") @JsonInclude(JsonInclude.Include.NON_EMPTY)
        String avatarUrl,

        @Schema(required = true, format = "email") String email,
        @Schema(required = true, format = "date-time") Instant createdAt,
        @Schema(format = "date-time") Instant updatedAt,

        @Schema(format = "date-time", description = "0001-01-01T00:00:00Z when the user has never made a request.")
        Instant lastSeenAt,

        UserStatus status,
        LoginType loginType,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean isServiceAccount,

        @Schema(description = "Deprecated: read it from the user's preference settings instead. Never set.")
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        String themePreference,

        @Schema(type = SchemaType.ARRAY, implementation = UUID.class, nullable = true)
        List<UUID> organizationIds,

        List<SlimRole> roles,

        @Schema(description = "Always present; true only with the Premium AI Governance seat entitlement.")
        boolean hasAiSeat) {

    /**
     * The API view of a user.
     *
     * @param organizationIds the organizations it belongs to; null where Coder shows null (lists)
     */
    public static UserResponse of(User user, List<UUID> organizationIds) {
        return new UserResponse(
                user.id,
                user.username,
                user.name,
                user.avatarUrl,
                user.email,
                user.createdAt,
                user.updatedAt,
                user.lastSeenAt,
                user.status,
                user.loginType,
                user.isServiceAccount,
                null,
                organizationIds,
                user.rbacRoles.stream().map(SlimRole::site).toList(),
                false);
    }
}
