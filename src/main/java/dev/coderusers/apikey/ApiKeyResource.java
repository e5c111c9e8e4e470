package dev.coderusers.apikey;

import dev.coderusers.api.ApiExceptionMappers;
import dev.coderusers.api.RequestBodies;
import dev.coderusers.security.ClientAddress;
import dev.coderusers.security.CurrentSession;
import dev.coderusers.security.RequiresSession;
import dev.coderusers.user.UserParamResolver;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * API keys and tokens of a user. {@code {user}} is resolved first everywhere (404 when absent or not
 * visible); the endpoints on {@code {keyid}} then ignore it, as Coder does, and find the key by id alone.
 * Literal segments ({@code tokens}, {@code tokenconfig}) win over the templates beside them.
 */
@Path("/api/v2/users/{user}/keys")
@Produces(MediaType.APPLICATION_JSON)
@RequiresSession
public class ApiKeyResource {

    /** Go's strconv.ParseBool true values; Coder ignores parse errors of these flags (they mean false). */
    private static final Set<String> GO_TRUE = Set.of("1", "t", "T", "true", "TRUE", "True");

    private final ApiKeyService keys;
    private final UserParamResolver userParam;
    private final CurrentSession session;
    private final RoutingContext routing;

    public ApiKeyResource(
            ApiKeyService keys, UserParamResolver userParam, CurrentSession session, RoutingContext routing) {
        this.keys = keys;
        this.userParam = userParam;
        this.session = session;
        this.routing = routing;
    }

    @POST
    @Tag(name = "Users")
    @Operation(
            operationId = "create-new-session-key",
            summary = "Create new session key",
            description = "A password-type key with the default token lifetime (7 days); no cookie is set."
                    + " Only the user itself and owners may create one; other roles get 403 (Coder: 500)."
                    + " System users: 403.")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = GenerateApiKeyResponse.class)))
    @APIResponse(responseCode = "403", description = "Another user's key and the caller is not an owner; a system user")
    public Response createSessionKey(@Parameter(description = "User ID, name, or me") @PathParam("user") String user) {
        GenerateApiKeyResponse created =
                keys.createSessionKey(session.actor(), userParam.target(user), ClientAddress.of(routing));
        return Response.status(201).entity(created).build();
    }

    @GET
    @Path("tokens")
    @Tag(name = "Users")
    @Operation(
            operationId = "get-user-tokens",
            summary = "Get user tokens",
            description = "Tokens (login type token) of the user, or of every user whose keys the caller may"
                    + " read with include_all (owners: all; others: their own), each with its user's username."
                    + " The body is null, not [], when there are none. include_all is real in Coder but missing"
                    + " from its swagger.")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content =
                    @Content(
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            implementation = ApiKeyWithOwner.class,
                                            nullable = true)))
    public Response listTokens(
            @Parameter(description = "User ID, name, or me") @PathParam("user") String user,
            @Parameter(description = "Include expired tokens in the list", schema = @Schema(type = SchemaType.BOOLEAN))
                    @QueryParam("include_expired")
                    String includeExpired,
            @Parameter(
                            description = "List the tokens of all users the caller may read",
                            schema = @Schema(type = SchemaType.BOOLEAN))
                    @QueryParam("include_all")
                    String includeAll) {
        List<ApiKeyWithOwner> tokens =
                keys.listTokens(session.actor(), userParam.resolve(user), isTrue(includeExpired), isTrue(includeAll));
        // Go encodes an empty nil slice as null, and Coder's clients expect exactly that.
        Object body = tokens.isEmpty() ? "null" : tokens;
        return Response.ok(body).type(ApiExceptionMappers.JSON_UTF8).build();
    }

    @POST
    @Path("tokens")
    @Consumes(MediaType.APPLICATION_JSON)
    @Tag(name = "Users")
    @Operation(
            operationId = "create-token-api-key",
            summary = "Create token API key",
            description = "lifetime is in nanoseconds (0: the default, 7 days); owners are capped at the admin"
                    + " maximum (7 days by default). A malformed allow_list entry answers 400. Only the user"
                    + " itself and owners may create tokens; other roles get 403 (Coder: 500).")
    @RequestBody(
            required = true,
            description = "Create token request",
            content = @Content(schema = @Schema(implementation = CreateTokenRequest.class)))
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = GenerateApiKeyResponse.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid body or allow_list entry, unsupported scope, lifetime not positive or above the"
                    + " maximum")
    @APIResponse(
            responseCode = "403",
            description = "Another user's token and the caller is not an owner; a system user")
    @APIResponse(responseCode = "409", description = "The user already has a token of this name")
    public Response createToken(
            @Parameter(description = "User ID, name, or me") @PathParam("user") String user,
            CreateTokenRequest request) {
        GenerateApiKeyResponse created =
                keys.createToken(session.actor(), userParam.target(user), RequestBodies.present(request));
        return Response.status(201).entity(created).build();
    }

    @GET
    @Path("tokens/tokenconfig")
    @Tag(name = "General")
    @Operation(
            operationId = "get-token-config",
            summary = "Get token config",
            description = "The longest token lifetime the user may ask for, in nanoseconds (lower for owners).")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = TokenConfig.class)))
    public TokenConfig tokenConfig(@Parameter(description = "User ID, name, or me") @PathParam("user") String user) {
        return keys.tokenConfig(userParam.resolve(user));
    }

    @GET
    @Path("tokens/{keyname}")
    @Tag(name = "Users")
    @Operation(
            operationId = "get-api-key-by-token-name",
            summary = "Get API key by token name",
            description = "The user's key of that name (exact); 404 also when the caller may not read it.")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = ApiKeyResponse.class)))
    @APIResponse(responseCode = "404", description = "No such user or token name, or not the caller's to read")
    public ApiKeyResponse byName(
            @Parameter(description = "User ID, name, or me") @PathParam("user") String user,
            @Parameter(description = "Key Name") @PathParam("keyname") String keyName) {
        return keys.byName(session.actor(), userParam.resolve(user), keyName);
    }

    @GET
    @Path("{keyid}")
    @Tag(name = "Users")
    @Operation(
            operationId = "get-api-key-by-id",
            summary = "Get API key by ID",
            description = "The key is looked up by id alone; {user} is only validated. 404 also when the caller"
                    + " may not read the key (owners read every key, others their own).")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = ApiKeyResponse.class)))
    @APIResponse(responseCode = "404", description = "No such user or key, or not the caller's to read")
    public ApiKeyResponse byId(
            @Parameter(description = "User ID, name, or me") @PathParam("user") String user,
            @Parameter(description = "Key ID") @PathParam("keyid") String keyId) {
        userParam.resolve(user);
        return keys.byId(session.actor(), keyId);
    }

    @DELETE
    @Path("{keyid}")
    @Tag(name = "Users")
    @Operation(
            operationId = "delete-api-key",
            summary = "Delete API key",
            description = "The key is looked up by id alone; {user} is only validated. Expired keys can be"
                    + " deleted. 404 also when the caller may not delete the key (owners: every key, others"
                    + " their own).")
    @APIResponse(responseCode = "204", description = "No Content")
    @APIResponse(responseCode = "404", description = "No such user or key, or not the caller's to delete")
    public Response delete(
            @Parameter(description = "User ID, name, or me") @PathParam("user") String user,
            @Parameter(description = "Key ID") @PathParam("keyid") String keyId) {
        userParam.resolve(user);
        keys.delete(session.actor(), keyId);
        return Response.noContent().build();
    }

    @PUT
    @Path("{keyid}/expire")
    @Tag(name = "Users")
    @Operation(
            operationId = "expire-api-key",
            summary = "Expire API key",
            description = "Sets the expiry to now; already expired keys are left as they are (still 204). The key"
                    + " is looked up by id alone; {user} is only validated. 404 also when the caller may not"
                    + " read the key.")
    @APIResponse(responseCode = "204", description = "No Content")
    @APIResponse(responseCode = "404", description = "No such user or key, or not the caller's to read")
    public Response expire(
            @Parameter(description = "User ID, name, or me") @PathParam("user") String user,
            @Parameter(description = "Key ID") @PathParam("keyid") String keyId) {
        userParam.resolve(user);
        keys.expire(session.actor(), keyId);
        return Response.noContent().build();
    }

    private static boolean isTrue(String flag) {
        return flag != null && GO_TRUE.contains(flag);
    }
}
