package dev.coderusers.security;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import java.util.Optional;

/** Where a client may put its session token, in Coder's order of precedence. */
public final class RequestTokens {

    public static final String COOKIE = "coder_session_token";
    public static final String HEADER = "Coder-Session-Token";
    public static final String QUERY = "coder_session_token";
    public static final String ACCESS_TOKEN_QUERY = "access_token";

    private RequestTokens() {}

    /**
     * The token, looked up as Coder's {@code APITokenFromRequest} does: cookie, query
     * {@code coder_session_token}, header {@code Coder-Session-Token}, {@code Authorization: Bearer}, query
     * {@code access_token}.
     */
    public static Optional<String> find(ContainerRequestContext request) {
        Cookie cookie = request.getCookies().get(COOKIE);
        if (cookie != null && !cookie.getValue().isEmpty()) {
            return Optional.of(cookie.getValue());
        }
        String query = request.getUriInfo().getQueryParameters().getFirst(QUERY);
        if (query != null && !query.isEmpty()) {
            return Optional.of(query);
        }
        String header = request.getHeaderString(HEADER);
        if (header != null && !header.isEmpty()) {
            return Optional.of(header);
        }
        Optional<String> bearer = bearer(request.getHeaderString("Authorization"));
        if (bearer.isPresent()) {
            return bearer;
        }
        String accessToken = request.getUriInfo().getQueryParameters().getFirst(ACCESS_TOKEN_QUERY);
        return accessToken == null || accessToken.isEmpty() ? Optional.empty() : Optional.of(accessToken);
    }

    /** The value of {@code Authorization: Bearer <token>}; the prefix is case-insensitive, the value trimmed. */
    public static Optional<String> bearer(String authorization) {
        if (authorization == null || authorization.length() < 7) {
            return Optional.empty();
        }
        if (!authorization.regionMatches(true, 0, "bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = authorization.substring(7).trim();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }
}
