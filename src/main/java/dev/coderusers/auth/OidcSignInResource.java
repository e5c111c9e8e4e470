package dev.coderusers.auth;

import dev.coderusers.security.ClientAddress;
import dev.coderusers.security.CurrentSession;
import dev.coderusers.security.LoginRateLimited;
import dev.coderusers.security.RequiresSession;
import dev.coderusers.user.User;
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

/** Sign-in with OpenID Connect: the callback (both steps) and the claims of the signed-in user. */
@Path("/api/v2/users")
@Tag(name = "Users")
@Produces(MediaType.APPLICATION_JSON)
public class OidcSignInResource {

    private final OidcSignInService oidc;
    private final OAuth2Callback callback;
    private final CurrentSession session;
    private final RoutingContext routing;

    public OidcSignInResource(
            OidcSignInService oidc, OAuth2Callback callback, CurrentSession session, RoutingContext routing) {
        this.oidc = oidc;
        this.callback = callback;
        this.session = session;
        this.routing = routing;
    }

    @GET
    @Path("oidc/callback")
    @LoginRateLimited
    @Operation(
            operationId = "openid-connect-callback",
            summary = "OpenID Connect Callback",
            description = "Without code: sets the oauth_state and oauth_redirect cookies (and oauth_pkce_verifier"
                    + " when PKCE is configured) and redirects to the provider. With code and state: verifies the ID"
                    + " token, signs in, sets coder_session_token and redirects to the requested local path. Where"
                    + " Coder renders an HTML error page (signups disabled, wrong login type, unverified email,"
                    + " email domain not allowed) this answers its JSON error body with the same status; where"
                    + " Coder answers 500 for a code the provider refused or an expired login conversion, 400. With"
                    + " oidc_merge_state (the state_string of POST /users/{user}/convert-login) the sign-in completes"
                    + " that conversion, which needs the coder_oauth_convert_jwt cookie and an identity of that user.")
    @APIResponse(responseCode = "307", description = "Temporary Redirect")
    @APIResponse(
            responseCode = "400",
            description = "Not configured, provider error, missing state or PKCE verifier, invalid ID token")
    @APIResponse(responseCode = "401", description = "State cookie missing or mismatched")
    @APIResponse(
            responseCode = "403",
            description = "Signups disabled, another login type, unverified email or email domain not allowed")
    public Response callback(@Context UriInfo uri, @Context HttpHeaders headers) {
        return callback.handle(
                oidc, uri.getQueryParameters(), headers.getCookies(), uri.getBaseUri(), ClientAddress.of(routing));
    }

    @GET
    @Path("oidc-claims")
    @RequiresSession
    @Operation(
            operationId = "get-oidc-claims-for-the-authenticated-user",
            summary = "Get OIDC claims for the authenticated user",
            description = "The claims of the signed-in user's last OpenID Connect sign-in. Where Coder answers 500"
                    + " because no OpenID Connect sign-in was recorded yet, 404.")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = OidcClaimsResponse.class)))
    @APIResponse(responseCode = "400", description = "The user is not an OIDC user")
    @APIResponse(responseCode = "404", description = "No OpenID Connect sign-in recorded for the user yet")
    public OidcClaimsResponse claims() {
        return oidc.claimsOf(session.get().principal(User.class));
    }
}
