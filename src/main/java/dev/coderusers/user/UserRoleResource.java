package dev.coderusers.user;

import dev.coderusers.security.CurrentSession;
import dev.coderusers.security.RequiresSession;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The roles of one user. */
@Path("/api/v2/users")
@Tag(name = "Users")
@Produces(MediaType.APPLICATION_JSON)
public class UserRoleResource {

    private final UserRoleService roles;
    private final UserParamResolver userParam;
    private final CurrentSession session;

    public UserRoleResource(UserRoleService roles, UserParamResolver userParam, CurrentSession session) {
        this.roles = roles;
        this.userParam = userParam;
        this.session = session;
    }

    @GET
    @Path("{user}/roles")
    @RequiresSession
    @Operation(
            operationId = "get-user-roles",
            summary = "Get user roles",
            description = "The stored site roles and the explicit roles in each organization the user belongs"
                    + " to. Coder's swagger documents codersdk.User here; Coder answers codersdk.UserRoles, as"
                    + " this service does. Self, owner and user-admin only (404 for other callers).")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = UserRoles.class)))
    @APIResponse(responseCode = "404", description = "No such user, or the caller may not read its roles")
    public UserRoles roles(@Parameter(description = "User ID, name, or me") @PathParam("user") String user) {
        return roles.roles(session.actor(), userParam.resolve(user));
    }

    @PUT
    @Path("{user}/roles")
    @RequiresSession
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "assign-role-to-user",
            summary = "Assign role to user",
            description = "Replaces the user's site roles with the given set (deduplicated). Not your own"
                    + " roles (400); unknown role names, organization roles included, are 400; callers who may"
                    + " not assign roles get 403 (also for a request that changes nothing, which Coder lets"
                    + " through); each role added or removed must be one the caller may assign (400).")
    @RequestBody(
            required = true,
            description = "Update roles request",
            content = @Content(schema = @Schema(implementation = UpdateRolesRequest.class)))
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = UserResponse.class)))
    @APIResponse(
            responseCode = "400",
            description = "Your own roles, an unknown role, or a role the caller may not assign")
    @APIResponse(responseCode = "403", description = "The caller may not assign roles")
    public UserResponse updateRoles(
            @Parameter(description = "User ID, name, or me") @PathParam("user") String user,
            UpdateRolesRequest request) {
        return roles.updateRoles(session.actor(), userParam.target(user), request);
    }
}
