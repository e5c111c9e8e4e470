package dev.coderusers.security;

import dev.coderusers.api.ApiError;
import dev.coderusers.api.ApiExceptionMappers;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Coder's CSRF rule (coderd/httpmw/csrf.go): a browser that authenticates with the session cookie must
 * prove, on unsafe methods, that the request comes from a page that could read the token — by sending it
 * again in the {@code Coder-Session-Token} header or query, or a matching {@code X-CSRF-TOKEN}. Clients
 * that send the token in a header or {@code Authorization: Bearer} are never affected.
 *
 * <p>Coder answers these 400s as plain text; here they use the API's JSON error envelope like every
 * other error.
 */
public class CsrfFilter {

    static final String CSRF_COOKIE = "csrf_token";
    static final String CSRF_HEADER = "X-CSRF-TOKEN";

    static final String INVALID = "Something is wrong with your CSRF token. Please refresh the page. If this error"
            + " persists, try clearing your cookies.";

    static final String MISMATCH = "CSRF error encountered. Authentication via \"coder_session_token\" cookie and"
            + " \"Coder-Session-Token\" header detected, but the values do not match. To resolve this issue ensure"
            + " the values used in both match, or only use one of the authentication methods. You can also try"
            + " clearing your cookies if this error persists.";

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    /** Creating the first user happens before anyone has a session; Coder exempts it. */
    private static final String EXEMPT_PATH = "/api/v2/users/first";

    @ServerRequestFilter(preMatching = true)
    public Response check(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (SAFE_METHODS.contains(request.getMethod()) || !path.startsWith("/api/") || path.equals(EXEMPT_PATH)) {
            return null;
        }
        Cookie session = request.getCookies().get(RequestTokens.COOKIE);
        if (session == null || session.getValue().isEmpty()) {
            return null;
        }
        String header = request.getHeaderString(RequestTokens.HEADER);
        if (header != null && !header.isEmpty()) {
            return header.equals(session.getValue()) ? null : reject(MISMATCH);
        }
        String query = request.getUriInfo().getQueryParameters().getFirst(RequestTokens.QUERY);
        if (session.getValue().equals(query)) {
            return null;
        }
        if (RequestTokens.bearer(request.getHeaderString("Authorization")).isPresent()) {
            return null;
        }
        Cookie csrfCookie = request.getCookies().get(CSRF_COOKIE);
        String csrfHeader = request.getHeaderString(CSRF_HEADER);
        if (csrfCookie != null
                && !csrfCookie.getValue().isEmpty()
                && csrfCookie.getValue().equals(csrfHeader)) {
            return null;
        }
        return reject(INVALID);
    }

    private static Response reject(String message) {
        return ApiExceptionMappers.respond(400, ApiError.of(message)).build();
    }
}
