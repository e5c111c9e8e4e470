package dev.coderusers.security;

import java.util.Optional;
import java.util.UUID;

/**
 * What the request filters of this package need from whoever stores the session tokens (the {@code apikey}
 * feature): {@code security} owns this interface and the feature implements it, so that the cross-cutting
 * filters depend on no feature package (as Coder's {@code httpmw} never imports {@code coderd}).
 */
public interface SessionAuthentication {

    /**
     * The session of a token, with the side effects of its use (the hourly refresh, a dormant user's activation).
     *
     * @throws UnauthenticatedException with Coder's detail when the token is not a valid session
     */
    Session authenticate(String token, String remoteIp);

    /**
     * The holder of a well-formed, unexpired token whose secret matches and whose user is not deleted; empty
     * otherwise. No side effects: the login rate limit reads it before the request is authenticated.
     */
    Optional<TokenHolder> holder(String token);

    /** A token's user, as the login rate limit keys and exempts it. */
    record TokenHolder(UUID userId, boolean mayBypassRateLimit) {}
}
