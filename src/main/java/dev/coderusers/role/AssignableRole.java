package dev.coderusers.role;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code codersdk.AssignableRoles}: a role, its permissions, and whether the caller may assign it. */
@Schema(name = "codersdk.AssignableRoles")
public record AssignableRole(
        String name,
        String displayName,

        @JsonInclude(JsonInclude.Include.NON_EMPTY) @Schema(format = "uuid")
        String organizationId,

        List<Permission> sitePermissions,
        List<Permission> organizationPermissions,
        List<Permission> organizationMemberPermissions,
        List<Permission> userPermissions,
        boolean assignable,
        @Schema(description = "BuiltIn roles are immutable") boolean builtIn) {

    /** {@code codersdk.Permission}: an action on a resource type, or its negation. */
    @Schema(name = "codersdk.Permission")
    public record Permission(boolean negate, String resourceType, String action) {}
}
