package dev.coderusers.role;

import dev.coderusers.security.CurrentSession;
import dev.coderusers.security.RequiresSession;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Site roles, for the role picker of user management. */
@Path("/api/v2/users/roles")
@Produces(MediaType.APPLICATION_JSON)
public class RoleResource {

    private final RoleService roles;
    private final CurrentSession session;

    public RoleResource(RoleService roles, CurrentSession session) {
        this.roles = roles;
        this.session = session;
    }

    @GET
    @RequiresSession
    @Tag(name = "Members")
    @Operation(
            operationId = "get-site-member-roles",
            summary = "Get site member roles",
            description = "The built-in site roles with their permissions, and whether the caller may assign each.")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = AssignableRole.class)))
    public List<AssignableRole> siteRoles() {
        return roles.siteRoles(session.actor());
    }
}
