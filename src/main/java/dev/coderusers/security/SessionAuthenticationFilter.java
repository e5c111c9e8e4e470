package dev.coderusers.security;

import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Authenticates every endpoint marked {@link RequiresSession} before it runs, as Coder's API key
 * middleware does; failures answer 401 with Coder's bodies and {@code WWW-Authenticate} header.
 */
@Provider
@RequiresSession
@Priority(Priorities.AUTHENTICATION)
public class SessionAuthenticationFilter implements ContainerRequestFilter {

    // Only client proxies here (application- and request-scoped beans): providers are created while the
    // application is built, before runtime configuration exists.
    private final SessionAuthentication authenticator;
    private final ResourceMetadata resourceMetadata;
    private final CurrentSession current;
    private final RoutingContext routing;

    public SessionAuthenticationFilter(
            SessionAuthentication authenticator,
            ResourceMetadata resourceMetadata,
            CurrentSession current,
            RoutingContext routing) {
        this.authenticator = authenticator;
        this.resourceMetadata = resourceMetadata;
        this.current = current;
        this.routing = routing;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        try {
            String token = RequestTokens.find(request)
                    .orElseThrow(() -> UnauthenticatedException.signedOut(
                            "Cookie \"coder_session_token\" or query parameter must be provided."));
            current.set(authenticator.authenticate(token, ClientAddress.of(routing)));
        } catch (UnauthenticatedException e) {
            throw e.toApiException(resourceMetadata.url(request.getUriInfo().getBaseUri()));
        }
    }
}
