package dev.coderusers.security;

import dev.coderusers.api.ApiError;
import dev.coderusers.api.ApiException;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Coder's login rate limit: 60 requests a minute on each sign-in endpoint, counted per user when the
 * request carries a valid session token, else per client IP, across all replicas ({@link RateLimitWindows}).
 * Owners may bypass it with {@code X-Coder-Bypass-Ratelimit: true}.
 */
@Provider
@LoginRateLimited
@Priority(Priorities.AUTHENTICATION - 100)
public class LoginRateLimitFilter implements ContainerRequestFilter {

    static final String BYPASS_HEADER = "X-Coder-Bypass-Ratelimit";

    private final RateLimitWindows windows;
    private final SessionAuthentication authenticator;
    private final RoutingContext routing;

    @Context
    ResourceInfo resource;

    public LoginRateLimitFilter(RateLimitWindows windows, SessionAuthentication authenticator, RoutingContext routing) {
        this.windows = windows;
        this.authenticator = authenticator;
        this.routing = routing;
    }

    // No transaction: the token's holder is one read-only statement and the attempt one statement in autocommit.
    @Override
    public void filter(ContainerRequestContext request) {
        Optional<SessionAuthentication.TokenHolder> user =
                RequestTokens.find(request).flatMap(authenticator::holder);
        if (user.isPresent()
                && user.get().mayBypassRateLimit()
                && "true".equalsIgnoreCase(request.getHeaderString(BYPASS_HEADER))) {
            return;
        }
        // Keyed on the matched operation, not the raw path: /users/login/, //users/login and
        // /users/{me|uuid|NAME}/password reach the same handler and must share one count.
        String subject = user.map(u -> "user:" + u.userId()).orElseGet(() -> "ip:" + ClientAddress.of(routing));
        if (!windows.tryAcquire(operationOf(resource), subject)) {
            throw new ApiException(
                    429,
                    ApiError.of("You've been rate limited for sending more than " + windows.limit()
                            + " requests in 1m0s."));
        }
    }

    /** The operation id of the matched resource method (its OpenAPI id), else its class and name. */
    static String operationOf(ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        Operation operation = method.getAnnotation(Operation.class);
        if (operation != null && !operation.operationId().isEmpty()) {
            return operation.operationId();
        }
        return resource.getResourceClass().getSimpleName() + "." + method.getName();
    }
}
