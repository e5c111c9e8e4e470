package dev.coderusers.usersecret;

import dev.coderusers.security.CurrentSession;
import dev.coderusers.security.RequiresSession;
import dev.coderusers.user.UserParamResolver;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A user's secrets, for their workspaces: name, description, where the value goes (environment variable, file)
 * and the value itself, which is write-only. Only the user itself reaches them.
 */
@Path("/api/v2/users/{user}/secrets")
@Tag(name = "Secrets")
@RequiresSession
@Produces(MediaType.APPLICATION_JSON)
public class UserSecretResource {

    static final String ONLY_SELF = " Only the user itself: for anyone else, owners included, 404 as for a resource"
            + " they cannot see. The value is never returned.";

    private final UserSecretService secrets;
    private final UserParamResolver userParam;
    private final CurrentSession session;

    public UserSecretResource(UserSecretService secrets, UserParamResolver userParam, CurrentSession session) {
        this.secrets = secrets;
        this.userParam = userParam;
        this.session = session;
    }

    @GET
    @Operation(
            operationId = "list-user-secrets",
            summary = "List user secrets",
            description = "The user's secrets by name; [] when there are none." + ONLY_SELF)
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = UserSecretResponse.class)))
    public List<UserSecretResponse> list(
            @Parameter(description = "User ID, username, or me") @PathParam("user") String user) {
        return secrets.list(session.actor(), userParam.resolve(user));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "create-a-new-user-secret",
            summary = "Create a new user secret",
            description = "Name and value are required; every invalid field is reported at once. The value is"
                    + " encrypted (AES-256-GCM) before it is stored." + ONLY_SELF)
    @RequestBody(
            required = true,
            description = "Create secret request",
            content = @Content(schema = @Schema(implementation = CreateUserSecretRequest.class)))
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = UserSecretResponse.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid body or field, or a per-user limit reached (50 secrets, 200 KiB of values, 24 KiB"
                    + " of them in the environment)")
    @APIResponse(
            responseCode = "409",
            description =
                    "The name, environment variable or file path is already used by another of the user's" + " secrets")
    @APIResponse(
            responseCode = "503",
            description = "No encryption key is configured (coder-users.secrets.encryption-keys), or the service is"
                    + " starting")
    public Response create(
            @Parameter(description = "User ID, username, or me") @PathParam("user") String user,
            CreateUserSecretRequest request) {
        return Response.status(201)
                .entity(secrets.create(session.actor(), userParam.target(user), request))
                .build();
    }

    @GET
    @Path("{name}")
    @Operation(
            operationId = "get-a-user-secret-by-name",
            summary = "Get a user secret by name",
            description = "404 when the user has no secret of that name." + ONLY_SELF)
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = UserSecretResponse.class)))
    public UserSecretResponse get(
            @Parameter(description = "User ID, username, or me") @PathParam("user") String user,
            @Parameter(description = "Secret name") @PathParam("name") String name) {
        return secrets.get(session.actor(), userParam.resolve(user), name);
    }

    @PATCH
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "update-a-user-secret",
            summary = "Update a user secret",
            description = "A partial update: absent fields stay as they are, and at least one must be given. The name"
                    + " cannot change." + ONLY_SELF)
    @RequestBody(
            required = true,
            description = "Update secret request",
            content = @Content(schema = @Schema(implementation = UpdateUserSecretRequest.class)))
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = UserSecretResponse.class)))
    @APIResponse(responseCode = "400", description = "No field given, an invalid field, or a per-user limit reached")
    @APIResponse(
            responseCode = "409",
            description = "The environment variable or file path is already used by another of the user's secrets")
    @APIResponse(
            responseCode = "503",
            description = "A new value but no encryption key is configured, or the service is starting")
    public UserSecretResponse update(
            @Parameter(description = "User ID, username, or me") @PathParam("user") String user,
            @Parameter(description = "Secret name") @PathParam("name") String name,
            UpdateUserSecretRequest request) {
        return secrets.update(session.actor(), userParam.target(user), name, request);
    }

    @DELETE
    @Path("{name}")
    @Operation(
            operationId = "delete-a-user-secret",
            summary = "Delete a user secret",
            description = "404 when the user has no secret of that name." + ONLY_SELF)
    @APIResponse(responseCode = "204", description = "No Content")
    public void delete(
            @Parameter(description = "User ID, username, or me") @PathParam("user") String user,
            @Parameter(description = "Secret name") @PathParam("name") String name) {
        secrets.delete(session.actor(), userParam.target(user), name);
    }
}
