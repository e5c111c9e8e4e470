package dev.coderusers.operations;

import dev.coderusers.security.CurrentSession;
import dev.coderusers.security.RequiresSession;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import org.jboss.logging.MDC;

/**
 * Once a request is authenticated, its user's id goes into the MDC ({@code userId} of JSON log lines) and to the
 * access log. Runs right after the authentication filter, on the same endpoints; never the token.
 */
@Provider
@RequiresSession
@Priority(Priorities.AUTHENTICATION + 1)
public class UserLogContext implements ContainerRequestFilter {

    public static final String MDC_KEY = "userId";

    private static final String CONTEXT_KEY = "coder-users.user-id";

    private final CurrentSession session;
    private final RoutingContext routing;

    public UserLogContext(CurrentSession session, RoutingContext routing) {
        this.session = session;
        this.routing = routing;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String userId = session.get().actor().userId().toString();
        routing.put(CONTEXT_KEY, userId);
        MDC.put(MDC_KEY, userId);
    }

    /** The id of the user who made the request, once authenticated. */
    static Optional<String> of(RoutingContext context) {
        return Optional.ofNullable(context.get(CONTEXT_KEY));
    }
}
