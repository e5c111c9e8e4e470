package dev.coderusers.startup;

import dev.coderusers.api.ApiError;
import dev.coderusers.api.ApiExceptionMappers;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Until the schema is migrated and the price book applied, the API answers 503 with a clear body instead
 * of failing on missing tables. Health and OpenAPI endpoints ({@code /q/...}) are not gated.
 */
public class StartupGate {

    private final DatabaseStartup startup;

    public StartupGate(DatabaseStartup startup) {
        this.startup = startup;
    }

    @ServerRequestFilter(preMatching = true)
    public Response gate(ContainerRequestContext request) {
        if (startup.isReady() || !request.getUriInfo().getPath().startsWith("/api/")) {
            return null;
        }
        return ApiExceptionMappers.respond(
                        503,
                        ApiError.of(
                                "The service is starting and cannot answer yet. Please try again shortly.",
                                startup.status().detail()))
                .header("Retry-After", "1")
                .build();
    }
}
