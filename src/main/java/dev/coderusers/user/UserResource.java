package dev.coderusers.user;

import dev.coderusers.api.ApiError;
import dev.coderusers.api.ApiException;
import dev.coderusers.api.Pagination;
import dev.coderusers.api.Requests;
import dev.coderusers.security.CurrentSession;
import dev.coderusers.security.RequiresSession;
import dev.coderusers.security.UserParamResolver;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
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
    @Operation(operationId = "check-initial-user-created", summary = "Check initial user created")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public ApiError firstUser() {
        if (!users.firstUserExists()) {
            throw ApiException.notFound("The initial user has not been created!");
        }
        return ApiError.of("The initial user has already been created!");
    }

    @POST
    @Path("first")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "create-initial-user", summary = "Create initial user")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = CreateFirstUserResponse.class)))
    public Response createFirstUser(@Valid CreateFirstUserRequest request) {
        return Response.status(201)
                .entity(users.createFirstUser(Requests.body(request)))
                .build();
    }

    @GET
    @RequiresSession
    @SecurityRequirement(name = "CoderSessionToken")
    @Operation(operationId = "get-users", summary = "Get users")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = GetUsersResponse.class)))
    public GetUsersResponse list(
            @Parameter(description = "Search query") @QueryParam("q") String q,
            @Parameter(description = "After ID", schema = @Schema(format = "uuid")) @QueryParam("after_id")
                    String afterId,
            @Parameter(description = "Page limit", schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("limit")
                    String limit,
            @Parameter(description = "Page offset", schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("offset")
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
    @SecurityRequirement(name = "CoderSessionToken")
    @Operation(operationId = "create-new-user", summary = "Create new user")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = UserResponse.class)))
    public Response create(@Valid CreateUserRequest request) {
        return Response.status(201)
                .entity(users.createUser(session.actor(), Requests.body(request)))
                .build();
    }

    @GET
    @Path("{user}")
    @RequiresSession
    @SecurityRequirement(name = "CoderSessionToken")
    @Operation(operationId = "get-user-by-name", summary = "Get user by name")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = UserResponse.class)))
    public UserResponse get(@Parameter(description = "User ID, username, or me") @PathParam("user") String user) {
        return users.view(userParam.resolve(user));
    }

    @DELETE
    @Path("{user}")
    @RequiresSession
    @SecurityRequirement(name = "CoderSessionToken")
    @Operation(operationId = "delete-user", summary = "Delete user")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public ApiError delete(@Parameter(description = "User ID, username, or me") @PathParam("user") String user) {
        users.delete(session.actor(), userParam.resolve(user));
        return ApiError.of("User has been deleted!");
    }
}
