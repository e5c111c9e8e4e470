package dev.coderusers.auth;

import dev.coderusers.security.ClientAddress;
import dev.coderusers.security.LoginRateLimited;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Sign-in with GitHub: the OAuth2 callback (both steps) and the device flow's first call. */
@Path("/api/v2/users")
@Tag(name = "Users")
@Produces(MediaType.APPLICATION_JSON)
public class GithubSignInResource {

    private final GithubSignInService github;
    private final OAuth2Callback callback;
    private final RoutingContext routing;

    public GithubSignInResource(GithubSignInService github, OAuth2Callback callback, RoutingContext routing) {
        this.github = github;
        this.callback = callback;
        this.routing = routing;
    }

    @GET
    @Path("oauth2/github/callback")
    @LoginRateLimited
    @Operation(
            operationId = "oauth-20-github-callback",
            summary = "OAuth 2.0 GitHub Callback",
            description = "Without code: sets the oauth_state, oauth_redirect and oauth_pkce_verifier cookies and"
                    + " redirects to GitHub (or to /login/device with the device flow). With code and state:"
                    + " signs in, sets coder_session_token and redirects to the requested local path (device"
                    + " flow: 200 with redirect_url). Where Coder renders an HTML error page (signups disabled,"
                    + " wrong login type) this answers its JSON error body with the same status; where Coder"
                    + " answers 500 for a code the provider refused or an expired login conversion, 400. With"
                    + " oidc_merge_state (the state_string of POST /users/{user}/convert-login) the sign-in completes"
                    + " that conversion, which needs the coder_oauth_convert_jwt cookie and an identity of that user.")
    @APIResponse(responseCode = "307", description = "Temporary Redirect")
    @APIResponse(
            responseCode = "200",
            description = "Signed in (device flow)",
            content = @Content(schema = @Schema(implementation = DeviceFlowCallbackResponse.class)))
    @APIResponse(
            responseCode = "400",
            description = "Not configured, provider error, missing state or PKCE verifier, refused code")
    @APIResponse(
            responseCode = "401",
            description = "State cookie missing or mismatched; not in an allowed organization or team; the"
                    + " account is suspended")
    @APIResponse(responseCode = "403", description = "Signups are disabled, or the user has another login type")
    public Response callback(@Context UriInfo uri, @Context HttpHeaders headers) {
        return callback.handle(
                github, uri.getQueryParameters(), headers.getCookies(), uri.getBaseUri(), ClientAddress.of(routing));
    }

    @GET
    @Path("oauth2/github/device")
    @LoginRateLimited
    @Operation(
            operationId = "get-github-device-auth",
            summary = "Get Github device auth.",
            description = "Public: starts GitHub's device flow and passes GitHub's answer on.")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = ExternalAuthDevice.class)))
    @APIResponse(responseCode = "400", description = "GitHub sign-in or its device flow is not enabled")
    public ExternalAuthDevice device() {
        return github.authorizeDevice();
    }
}
