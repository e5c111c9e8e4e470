package dev.coderusers.auth;

import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import dev.coderusers.api.ApiError;
import dev.coderusers.api.ApiException;
import dev.coderusers.config.SessionConfig;
import dev.coderusers.security.AccessUrl;
import dev.coderusers.security.SessionTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/**
 * The two steps of an authorization-code sign-in, as Coder's {@code ExtractOAuth2} middleware does them.
 * Without {@code code}: a fresh state (and PKCE verifier) goes into short-lived cookies and the browser is
 * sent to the provider with 307. With {@code code}: the state must match its cookie, the PKCE verifier must
 * be there, and the provider's part completes the sign-in; the browser then gets the session cookie and is
 * sent back to a local path.
 */
@ApplicationScoped
public class OAuth2Callback {

    /** Coder's state: 32 random characters of {@code [0-9a-zA-Z]}. */
    static final int STATE_LENGTH = 32;

    static final String NOT_CONFIGURED = "The oauth2 method requested is not configured!";

    private final SignInCookies cookies;
    private final SessionConfig sessionConfig;
    private final LoginConversionService conversions;

    public OAuth2Callback(SignInCookies cookies, SessionConfig sessionConfig, LoginConversionService conversions) {
        this.cookies = cookies;
        this.sessionConfig = sessionConfig;
        this.conversions = conversions;
    }

    /**
     * Answers a request to a provider's callback.
     *
     * @param requestBase the URI the request came to, for the {@code redirect_uri} when no access URL is set
     */
    public Response handle(
            OAuth2SignIn signIn,
            MultivaluedMap<String, String> query,
            Map<String, Cookie> requestCookies,
            URI requestBase,
            String ipAddress) {
        if (!signIn.configured()) {
            throw ApiException.badRequest(NOT_CONFIGURED);
        }
        rejectProviderError(query);
        URI callbackUri = callbackUri(requestBase, signIn.callbackPath());
        String code = first(query, "code");
        if (code.isEmpty()) {
            return start(signIn, first(query, "redirect"), first(query, "oidc_merge_state"), callbackUri);
        }
        String state = first(query, "state");
        if (state.isEmpty()) {
            throw ApiException.badRequest("State must be provided.");
        }
        Cookie stateCookie = requestCookies.get(SignInCookies.STATE);
        if (stateCookie == null) {
            throw new ApiException(401, ApiError.of("Cookie \"" + SignInCookies.STATE + "\" must be provided."));
        }
        if (!MessageDigest.isEqual(
                SignInCookies.flowValue(stateCookie.getValue()).getBytes(StandardCharsets.UTF_8),
                state.getBytes(StandardCharsets.UTF_8))) {
            throw new ApiException(401, ApiError.of("State mismatched."));
        }
        Cookie redirectCookie = requestCookies.get(SignInCookies.REDIRECT);
        String redirect = redirectCookie == null ? "" : SignInCookies.flowValue(redirectCookie.getValue());
        String verifier = null;
        if (signIn.usesPkce()) {
            Cookie verifierCookie = requestCookies.get(SignInCookies.PKCE_VERIFIER);
            if (verifierCookie == null) {
                throw ApiException.badRequest("PKCE challenge must be provided.");
            }
            verifier = SignInCookies.flowValue(verifierCookie.getValue());
        }

        OAuth2SignIn.Conversion conversion = null;
        if (LoginConversionService.isConversionState(state)) {
            Cookie convertCookie = requestCookies.get(LoginConversionService.COOKIE);
            conversion = new OAuth2SignIn.Conversion(state, convertCookie == null ? null : convertCookie.getValue());
        }
        OAuth2SignIn.SignedIn signedIn = signIn.complete(
                new OAuth2SignIn.Authorization(code, redirect, verifier, conversion), callbackUri, ipAddress);

        // Whatever the cookie said, only a path on this site (an attacker may have set the cookie).
        String location = RedirectPaths.local(signedIn.redirect());
        Response.ResponseBuilder response = signIn.answersWithJson()
                ? Response.ok(new DeviceFlowCallbackResponse(location))
                : Response.status(307).header("Location", location);
        response.cookie(
                cookies.session(signedIn.sessionToken()),
                cookies.flowRemoved(SignInCookies.STATE),
                cookies.flowRemoved(SignInCookies.REDIRECT),
                cookies.flowRemoved(SignInCookies.PKCE_VERIFIER));
        if (conversion != null) {
            response.cookie(cookies.flowRemoved(LoginConversionService.COOKIE));
        }
        return response.build();
    }

    private Response start(OAuth2SignIn signIn, String requestedRedirect, String mergeState, URI callbackUri) {
        // A login conversion's sign-in starts with the state the conversion was given ("oidc_merge_state", as in
        // Coder). Only the state of a conversion in progress is taken: a state the caller could choose freely
        // would weaken the login-CSRF protection.
        if (!mergeState.isEmpty() && !conversions.isPending(mergeState)) {
            throw ApiException.badRequest(
                    "The login conversion is unknown or has expired. Please start the conversion again.");
        }
        String state = mergeState.isEmpty() ? SessionTokens.randomString(STATE_LENGTH) : mergeState;
        // Redirect is always set, even empty, so that an older one cannot apply.
        String redirect = requestedRedirect.isEmpty() ? "" : RedirectPaths.local(requestedRedirect);
        CodeVerifier verifier = signIn.usesPkce() ? new CodeVerifier() : null;
        Response.ResponseBuilder response = Response.status(307)
                .header("Location", signIn.authorizationUrl(state, verifier, callbackUri))
                .cookie(cookies.flow(SignInCookies.STATE, state), cookies.flow(SignInCookies.REDIRECT, redirect));
        if (verifier != null) {
            response.cookie(cookies.flow(SignInCookies.PKCE_VERIFIER, verifier.getValue()));
        }
        return response.build();
    }

    /** The provider sends errors back as query parameters (e.g. an invalid scope): the sign-in ends there. */
    private static void rejectProviderError(MultivaluedMap<String, String> query) {
        String error = first(query, "error");
        if (error.isEmpty()) {
            return;
        }
        String description = first(query, "error_description");
        String uri = first(query, "error_uri");
        if (description.isEmpty() && !uri.isEmpty()) {
            description = "error_uri: " + uri;
        } else if (!description.isEmpty() && !uri.isEmpty()) {
            description = description + ", error_uri: " + uri;
        }
        throw ApiException.badRequest(
                "Encountered error in oidc process: " + error, description.isEmpty() ? null : description);
    }

    /** The callback URL the provider returns to: under the access URL, else under the URL of this request. */
    URI callbackUri(URI requestBase, String path) {
        return URI.create(AccessUrl.base(sessionConfig.accessUrl(), requestBase) + path);
    }

    private static String first(MultivaluedMap<String, String> query, String name) {
        String value = query.getFirst(name);
        return value == null ? "" : value;
    }
}
