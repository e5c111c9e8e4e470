package dev.coderusers.security;

import dev.coderusers.api.RouteTemplates;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * {@code coder_users_login_rate_limit_refusals_total{operation}}: the 429s of the login rate limit, by operation
 * ({@code POST /api/v2/users/login}, the route template, never the raw path). Counted from the answer of the
 * limited endpoints, where only {@link LoginRateLimitFilter} answers 429, so the limiter stays as it is.
 */
@Provider
@LoginRateLimited
@Priority(Priorities.USER)
public class LoginRateLimitMetrics implements ContainerResponseFilter {

    static final String NAME = "coder_users.login_rate_limit.refusals";

    private final MeterRegistry registry;
    private final RoutingContext routing;

    public LoginRateLimitMetrics(MeterRegistry registry, RoutingContext routing) {
        this.registry = registry;
        this.routing = routing;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() != 429) {
            return;
        }
        String operation =
                request.getMethod() + " " + RouteTemplates.of(routing).orElse("UNKNOWN");
        Counter.builder(NAME)
                .description("Requests refused by the login rate limit, by operation")
                .tag("operation", operation)
                .register(registry)
                .increment();
    }
}
