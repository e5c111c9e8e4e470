package dev.coderusers.security;

import dev.coderusers.api.ApiError;
import dev.coderusers.api.ApiException;
import dev.coderusers.config.AuthConfig;
import dev.coderusers.role.Roles;
import dev.coderusers.user.User;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Coder's login rate limit: 60 requests a minute on each sign-in endpoint, counted per user when the
 * request carries a valid session token, else per client IP. Owners may bypass it with
 * {@code X-Coder-Bypass-Ratelimit: true}.
 */
@Provider
@LoginRateLimited
@Priority(Priorities.AUTHENTICATION - 100)
public class LoginRateLimitFilter implements ContainerRequestFilter {

    static final String BYPASS_HEADER = "X-Coder-Bypass-Ratelimit";

    private final Limiter limiter;
    private final RoutingContext routing;

    public LoginRateLimitFilter(Limiter limiter, RoutingContext routing) {
        this.limiter = limiter;
        this.routing = routing;
    }

    @Override
    @Transactional
    public void filter(ContainerRequestContext request) {
        Optional<User> user = RequestTokens.find(request).flatMap(LoginRateLimitFilter::validUser);
        if (user.isPresent()
                && user.get().hasSiteRole(Roles.OWNER)
                && "true".equalsIgnoreCase(request.getHeaderString(BYPASS_HEADER))) {
            return;
        }
        String subject = user.map(u -> "user:" + u.id).orElseGet(() -> "ip:" + ClientAddress.of(routing));
        String key = request.getMethod() + " " + request.getUriInfo().getPath() + " " + subject;
        if (!limiter.tryAcquire(key)) {
            throw new ApiException(
                    429,
                    ApiError.of("You've been rate limited for sending more than " + limiter.limit()
                            + " requests in 1m0s."));
        }
    }

    /** The user of a well-formed, unexpired token whose secret matches; no side effects. */
    private static Optional<User> validUser(String token) {
        SessionAuthenticator.VerifiedKey verified;
        try {
            verified = SessionAuthenticator.verifiedKey(token);
        } catch (UnauthenticatedException invalid) {
            return Optional.empty();
        }
        if (!verified.key().expiresAt.isAfter(Instant.now())) {
            return Optional.empty();
        }
        return verified.activeUser();
    }

    /** One limiter for the application, sized from configuration when first used. */
    @jakarta.enterprise.context.ApplicationScoped
    public static class Limiter {
        private final SlidingWindowRateLimiter limiter;

        public Limiter(AuthConfig config) {
            this.limiter = new SlidingWindowRateLimiter(config.loginRateLimitPerMinute(), Duration.ofMinutes(1));
        }

        public boolean tryAcquire(String key) {
            return limiter.tryAcquire(key);
        }

        public int limit() {
            return limiter.limit();
        }
    }
}
