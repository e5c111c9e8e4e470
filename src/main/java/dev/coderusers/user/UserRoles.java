package dev.coderusers.user;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code codersdk.UserRoles}: a user's stored site roles and its explicit roles in each organization it
 * belongs to (the implicit {@code member} and {@code organization-member} are not listed).
 */
@Schema(name = "codersdk.UserRoles")
public record UserRoles(
        @Schema(description = "Site roles as stored.") List<String> roles,

        @Schema(description = "Explicit organization roles, by organization id (every membership is a key).")
        Map<UUID, List<String>> organizationRoles) {}
