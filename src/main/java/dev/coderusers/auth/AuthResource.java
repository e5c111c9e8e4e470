package dev.coderusers.auth;

import dev.coderusers.api.ApiError;
import dev.coderusers.api.RequestBodies;
import dev.coderusers.config.AuthConfig;
import dev.coderusers.security.ClientAddress;
import dev.coderusers.security.CurrentSession;
import dev.coderusers.security.LoginRateLimited;
import dev.coderusers.security.RequiresSession;
import io.vertx.ext.web.RoutingContext;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Password sign-in, sign-out and the list of sign-in methods. */
@Path("/api/v2/users")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    private final LoginService logins;
    private final IdentityProviders providers;
    private final AuthConfig authConfig;
    private final SignInCookies cookies;
    private final CurrentSession session;
    private final RoutingContext routing;

    public AuthResource(
            LoginService logins,
            IdentityProviders providers,
            AuthConfig authConfig,
            SignInCookies cookies,
            CurrentSession session,
            RoutingContext routing) {
        this.logins = logins;
        this.providers = providers;
        this.authConfig = authConfig;
        this.cookies = cookies;
        this.session = session;
        this.routing = routing;
    }

    @GET
    @Path("authmethods")
    @Tag(name = "Users")
    @Operation(
            operationId = "get-authentication-methods",
            summary = "Get authentication methods",
            description = "Public: which sign-in methods the login page should offer.")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = AuthMethods.class)))
    public AuthMethods authMethods() {
        boolean github = providers.githubConfigured();
        return new AuthMethods(
                authConfig.termsOfServiceUrl().orElse(null),
                new AuthMethods.Password(!authConfig.disablePasswordAuth()),
                new AuthMethods.Github(github, false),
                new AuthMethods.Oidc(providers.oidcConfigured(), providers.oidcSignInText(), providers.oidcIconUrl()));
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_JSON)
    @LoginRateLimited
    @Tag(name = "Authorization")
    @Operation(
            operationId = "log-in-user",
            summary = "Log in user",
            description = "Public. Answers the session token and sets it as the coder_session_token cookie. A"
                    + " dormant user becomes active.")
    @RequestBody(
            required = true,
            description = "Login request",
            content = @Content(schema = @Schema(implementation = LoginRequest.class)))
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = LoginResponse.class)))
    @APIResponse(responseCode = "401", description = "Incorrect email or password, or the account is suspended")
    @APIResponse(
            responseCode = "403",
            description = "Password sign-in is disabled, or the user signs in another way (login type)")
    public Response login(@Valid LoginRequest request) {
        String token = logins.login(RequestBodies.present(request), ClientAddress.of(routing));
        return Response.status(201)
                .cookie(cookies.session(token))
                .entity(new LoginResponse(token))
                .build();
    }

    @POST
    @Path("logout")
    @RequiresSession
    @Tag(name = "Users")
    @Operation(
            operationId = "log-out-user",
            summary = "Log out user",
            description = "Deletes the session key in use (other keys and tokens stay valid) and clears the"
                    + " coder_session_token cookie.")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response logout() {
        logins.logout(session.get());
        return Response.ok(ApiError.of("Logged out!"))
                .cookie(cookies.sessionRemoved())
                .build();
    }
}
