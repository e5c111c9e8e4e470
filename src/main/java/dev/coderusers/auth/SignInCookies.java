package dev.coderusers.auth;

import dev.coderusers.config.SessionConfig;
import dev.coderusers.security.RequestTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The cookies of signing in: the session cookie, and the short-lived cookies that carry an OAuth2 sign-in
 * from its first step to its callback ({@code oauth_state}, {@code oauth_redirect}, {@code oauth_pkce_verifier}).
 * All are {@code HttpOnly; Path=/; SameSite=Lax} (Lax, so that the provider's redirect back, a top-level GET,
 * carries them), and {@code Secure} when configured.
 */
@ApplicationScoped
public class SignInCookies {

    /** Coder's session cookie lives a year; the key behind it expires on its own schedule. */
    static final int SESSION_MAX_AGE_SECONDS = 31_536_000;

    static final String STATE = "oauth_state";
    static final String REDIRECT = "oauth_redirect";
    static final String PKCE_VERIFIER = "oauth_pkce_verifier";

    /**
     * Long enough for GitHub's device flow, whose codes live 15 minutes; Coder sets these as session
     * cookies, here they also expire on their own.
     */
    static final int FLOW_MAX_AGE_SECONDS = 900;

    private final SessionConfig sessionConfig;

    public SignInCookies(SessionConfig sessionConfig) {
        this.sessionConfig = sessionConfig;
    }

    /** {@code coder_session_token=<token>}, as every sign-in sets it. */
    public NewCookie session(String token) {
        return cookie(RequestTokens.COOKIE, token, SESSION_MAX_AGE_SECONDS);
    }

    /** Removes the session cookie (sign-out). */
    public NewCookie sessionRemoved() {
        return cookie(RequestTokens.COOKIE, "", 0);
    }

    /** A cookie of the OAuth2 flow; the value is URL-encoded so that any path and query fit in it. */
    NewCookie flow(String name, String value) {
        return cookie(name, URLEncoder.encode(value, StandardCharsets.UTF_8), FLOW_MAX_AGE_SECONDS);
    }

    /** The cookie that ties a login conversion to the browser that asked for it, for the conversion's lifetime. */
    NewCookie conversion(String secret) {
        return cookie(LoginConversionService.COOKIE, secret, (int) LoginConversionService.LIFETIME.toSeconds());
    }

    /** Removes a cookie of the OAuth2 flow once the sign-in has completed. */
    NewCookie flowRemoved(String name) {
        return cookie(name, "", 0);
    }

    /**
     * The value of a flow cookie as it was set; a value this service cannot have set (broken escapes) reads
     * as empty, which the callback then treats as a mismatch or as no redirect.
     */
    static String flowValue(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notOurs) {
            return "";
        }
    }

    private NewCookie cookie(String name, String value, int maxAge) {
        return new NewCookie.Builder(name)
                .value(value)
                .path("/")
                .httpOnly(true)
                .maxAge(maxAge)
                .secure(sessionConfig.secureCookie())
                .sameSite(NewCookie.SameSite.LAX)
                .build();
    }
}
