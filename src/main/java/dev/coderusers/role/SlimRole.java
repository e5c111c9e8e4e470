package dev.coderusers.role;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code codersdk.SlimRole}: a role as it appears in a user; {@code organization_id} only for org roles. */
@Schema(name = "codersdk.SlimRole")
public record SlimRole(
        String name,
        String displayName,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) String organizationId) {

    /** A site role with Coder's display name ({@code ""} for names it does not know). */
    public static SlimRole site(String name) {
        return new SlimRole(name, Roles.siteDisplayName(name), null);
    }
}
