package dev.coderusers.auth;

import dev.coderusers.security.CurrentSession;
import dev.coderusers.security.RequiresSession;
import dev.coderusers.user.UserParamResolver;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The first step of converting a password user to GitHub or OpenID Connect sign-in. */
@Path("/api/v2/users")
@Tag(name = "Authorization")
@Produces(MediaType.APPLICATION_JSON)
public class LoginConversionResource {

    private final LoginConversionService conversions;
    private final UserParamResolver userParam;
    private final CurrentSession session;
    private final SignInCookies cookies;

    public LoginConversionResource(
            LoginConversionService conversions,
            UserParamResolver userParam,
            CurrentSession session,
            SignInCookies cookies) {
        this.conversions = conversions;
        this.userParam = userParam;
        this.session = session;
        this.cookies = cookies;
    }

    @POST
    @Path("{user}/convert-login")
    @RequiresSession
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "convert-user-from-password-to-oauth-authentication",
            summary = "Convert user from password to oauth authentication",
            description = "Yourself only (owners too get 403 for another user). Checks the password as a password"
                    + " sign-in does, then answers a state valid for 5 minutes and sets the coder_oauth_convert_jwt"
                    + " cookie. Open the provider's callback (/users/oauth2/github/callback or /users/oidc/callback)"
                    + " with oidc_merge_state=<state_string> in the same browser: when the identity it signs in is"
                    + " yours (linked, or with your email), your login type becomes to_type, your password is"
                    + " removed and your password sessions end.")
    @RequestBody(
            required = true,
            description = "Convert request",
            content = @Content(schema = @Schema(implementation = ConvertLoginRequest.class)))
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = OAuthConversionResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid body, or a to_type other than github and oidc")
    @APIResponse(responseCode = "401", description = "Incorrect password, or the account is suspended")
    @APIResponse(
            responseCode = "403",
            description = "Another user, password sign-in disabled, or the user does not sign in with a password")
    public Response convert(
            ConvertLoginRequest request,
            @Parameter(description = "User ID, name, or me") @PathParam("user") String user) {
        LoginConversionService.Started started = conversions.start(session.actor(), userParam.target(user), request);
        return Response.status(201)
                .cookie(cookies.conversion(started.cookieSecret()))
                .entity(started.response())
                .build();
    }
}
