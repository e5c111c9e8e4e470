package dev.coderusers.user;

import dev.coderusers.api.ApiError;
import dev.coderusers.api.ApiException;
import dev.coderusers.api.Pagination;
import dev.coderusers.api.RequestBodies;
import dev.coderusers.security.CurrentSession;
import dev.coderusers.security.RequiresSession;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The core of the Users API: first user, list and search, create, get, delete. */
@Path("/api/v2/users")
@Tag(name = "Users")
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {

    private final UserService users;
    private final UserParamResolver userParam;
    private final CurrentSession session;

    public UserResource(UserService users, UserParamResolver userParam, CurrentSession session) {
        this.users = users;
        this.userParam = userParam;
        this.session = session;
    }

    @GET
    @Path("first")
    @Operation(
            operationId = "check-initial-user-created",
            summary = "Check initial user created",
            description = "Public: answers 200 once a user exists, 404 before.")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", description = "The initial user has not been created")
    public ApiError firstUser() {
        if (!users.firstUserExists()) {
            throw ApiException.notFound("The initial user has not been created!");
        }
        return ApiError.of("The initial user has already been created!");
    }

    @POST
    @Path("first")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "create-initial-user",
            summary = "Create initial user",
            description = "Public, and only while no user exists: creates an active owner in the default"
                    + " organization. No session is returned: sign in with POST /users/login next.")
    @RequestBody(
            required = true,
            description = "First user request",
            content = @Content(schema = @Schema(implementation = CreateFirstUserRequest.class)))
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = CreateFirstUserResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid body, or a password that is too weak")
    @APIResponse(responseCode = "409", description = "The initial user has already been created")
    public Response createFirstUser(@Valid CreateFirstUserRequest request) {
        return Response.status(201)
                .entity(users.createFirstUser(RequestBodies.present(request)))
                .build();
    }

    @GET
    @RequiresSession
    @Operation(
            operationId = "get-users",
            summary = "Get users",
            description = "Users the caller may see (members: only themselves), ordered by username"
                    + " (case-insensitive); count is the number matching before offset and limit (0 for an empty"
                    + " page). organization_ids is null for a user without memberships.")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = GetUsersResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid search query (q) or paging parameters")
    public GetUsersResponse list(
            @Parameter(
                            description = "Search query: free text, and key:value terms (status, role, login_type,"
                                    + " name, service_account, last_seen_before/after, created_before/after,"
                                    + " github_com_user_id)")
                    @QueryParam("q")
                    String q,
            @Parameter(description = "After ID", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @QueryParam("after_id")
                    String afterId,
            @Parameter(
                            description = "Page limit (0: no limit)",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0"))
                    @QueryParam("limit")
                    String limit,
            @Parameter(
                            description = "Page offset",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0"))
                    @QueryParam("offset")
                    String offset,
            @Context UriInfo uri) {
        // The typed parameters document the API; parsing uses the raw values, so that duplicates and bad
        // values get Coder's messages instead of a generic 404/400.
        Pagination page = Pagination.parse(uri.getQueryParameters());
        UserFilter filter = UserSearchQuery.parse(uri.getQueryParameters().getFirst("q"));
        return users.list(session.actor(), filter, page);
    }

    @POST
    @RequiresSession
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "create-new-user",
            summary = "Create new user",
            description = "Owners and user-admins. The user starts dormant unless user_status says otherwise. Where"
                    + " Coder answers 500, this service answers 400 for an unknown role or a user_status outside"
                    + " the enumeration, and 403 for a role the caller may not assign.")
    @RequestBody(
            required = true,
            description = "Create user request",
            content = @Content(schema = @Schema(implementation = CreateUserRequest.class)))
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = UserResponse.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid body, no organization, a weak password, a login type or role that cannot be"
                    + " used, service-account rules")
    @APIResponse(
            responseCode = "403",
            description = "The caller may not create users or assign a requested role; password sign-in disabled;"
                    + " service accounts (a Premium feature)")
    @APIResponse(responseCode = "404", description = "An organization does not exist")
    @APIResponse(responseCode = "409", description = "A user with this username or email already exists")
    public Response create(@Valid CreateUserRequest request) {
        return Response.status(201)
                .entity(users.createUser(session.actor(), RequestBodies.present(request)))
                .build();
    }

    @GET
    @Path("{user}")
    @RequiresSession
    @Operation(
            operationId = "get-user-by-name",
            summary = "Get user by name",
            description = "By UUID a deleted user is still found, as in Coder; by username it is not.")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = UserResponse.class)))
    public UserResponse get(@Parameter(description = "User ID, username, or me") @PathParam("user") String user) {
        if (UserParamResolver.isMe(user)) {
            return users.view(session.get());
        }
        return users.view(userParam.resolve(user));
    }

    @DELETE
    @Path("{user}")
    @RequiresSession
    @Operation(
            operationId = "delete-user",
            summary = "Delete user",
            description = "Soft delete by owners and user-admins: the user's API keys and links are removed and its"
                    + " username and email can be used again. Answers codersdk.Response, which Coder's swagger does"
                    + " not show.")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "403", description = "Deleting yourself, or the caller may not delete users")
    public ApiError delete(@Parameter(description = "User ID, name, or me") @PathParam("user") String user) {
        users.delete(session.actor(), userParam.target(user));
        return ApiError.of("User has been deleted!");
    }
}
