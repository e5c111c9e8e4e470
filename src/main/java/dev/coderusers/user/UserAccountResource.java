package dev.coderusers.user;

import dev.coderusers.security.CurrentSession;
import dev.coderusers.security.LoginRateLimited;
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

/** A user's account: profile, password, status, login type. */
@Path("/api/v2/users")
@Tag(name = "Users")
@Produces(MediaType.APPLICATION_JSON)
public class UserAccountResource {

    private final UserAccountService accounts;
    private final UserParamResolver userParam;
    private final CurrentSession session;

    public UserAccountResource(UserAccountService accounts, UserParamResolver userParam, CurrentSession session) {
        this.accounts = accounts;
        this.userParam = userParam;
        this.session = session;
    }

    @PUT
    @Path("{user}/profile")
    @RequiresSession
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "update-user-profile",
            summary = "Update user profile",
            description = "Sets the username and display name; an absent name clears it. Changing the username"
                    + " needs the right to update users (owner, user-admin): members cannot rename themselves"
                    + " (404). Callers who may read the user but not change its personal data (auditor,"
                    + " template-admin) get 404 where Coder answers 500.")
    @RequestBody(
            required = true,
            description = "Updated profile",
            content = @Content(schema = @Schema(implementation = UpdateUserProfileRequest.class)))
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = UserResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid body")
    @APIResponse(responseCode = "404", description = "No such user, or the caller may not change it")
    @APIResponse(responseCode = "409", description = "Another user has this username (case-insensitive)")
    public UserResponse updateProfile(
            @Parameter(description = "User ID, name, or me") @PathParam("user") String user,
            UpdateUserProfileRequest request) {
        return accounts.updateProfile(session.actor(), userParam.target(user), request);
    }

    @PUT
    @Path("{user}/password")
    @RequiresSession
    @LoginRateLimited
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "update-user-password",
            summary = "Update user password",
            description = "Checks, in Coder's order: the right to change the user's personal data (404), the"
                    + " body, the password login type, old_password when changing your own (owners too), the"
                    + " strength of the new password, old_password when given, and that the new one differs."
                    + " On success every API key of the user is deleted, the caller's own session included"
                    + " when it is its own password. Only the user itself and owners may change a password:"
                    + " a user-admin changing someone else's gets 403 where Coder answers 500 once its checks have"
                    + " passed (deleting another user's keys is an owner's power, and a user-admin must not be"
                    + " able to take over an owner's account). Rate limited per user and endpoint (429).")
    @RequestBody(
            required = true,
            description = "Update password request",
            content = @Content(schema = @Schema(implementation = UpdateUserPasswordRequest.class)))
    @APIResponse(responseCode = "204", description = "No Content")
    @APIResponse(
            responseCode = "400",
            description = "Invalid body, wrong login type, missing or incorrect old password, weak or unchanged"
                    + " password")
    @APIResponse(responseCode = "403", description = "A user-admin changing another user's password")
    @APIResponse(responseCode = "404", description = "No such user, or the caller may not change it")
    public void changePassword(
            @Parameter(description = "User ID, name, or me") @PathParam("user") String user,
            UpdateUserPasswordRequest request) {
        accounts.changePassword(session.actor(), userParam.target(user), request);
    }

    @PUT
    @Path("{user}/status/activate")
    @RequiresSession
    @Operation(
            operationId = "activate-user-account",
            summary = "Activate user account",
            description = "From dormant or suspended; idempotent. Owner and user-admin only: other callers who"
                    + " may read the user get 403 where Coder answers 500.")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = UserResponse.class)))
    @APIResponse(responseCode = "403", description = "The caller may not change users' status")
    public UserResponse activate(@Parameter(description = "User ID, name, or me") @PathParam("user") String user) {
        return accounts.activate(session.actor(), userParam.target(user));
    }

    @PUT
    @Path("{user}/status/suspend")
    @RequiresSession
    @Operation(
            operationId = "suspend-user-account",
            summary = "Suspend user account",
            description = "Not yourself, not an owner (400). The user's API keys stay but answer 401 until it"
                    + " is activated again. Owner and user-admin only: other callers who may read the user get"
                    + " 403 where Coder answers 500.")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = UserResponse.class)))
    @APIResponse(responseCode = "400", description = "Suspending yourself or an owner")
    @APIResponse(responseCode = "403", description = "The caller may not change users' status")
    public UserResponse suspend(@Parameter(description = "User ID, name, or me") @PathParam("user") String user) {
        return accounts.suspend(session.actor(), userParam.target(user));
    }

    @GET
    @Path("{user}/login-type")
    @RequiresSession
    @Operation(
            operationId = "get-user-login-type",
            summary = "Get user login type",
            description = "Only for yourself: 403 for any other user the caller can see.")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = UserLoginTypeResponse.class)))
    @APIResponse(responseCode = "403", description = "Another user")
    public UserLoginTypeResponse loginType(
            @Parameter(description = "User ID, name, or me") @PathParam("user") String user) {
        return accounts.loginType(session.actor(), userParam.resolve(user));
    }
}
