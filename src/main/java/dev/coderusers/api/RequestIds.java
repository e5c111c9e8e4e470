package dev.coderusers.api;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is a plain token (a proxy or ingress in
 * front that already assigned one), else a random UUID. The id is answered in {@code X-Request-Id}, is in the MDC
 * of every log line written for the request (JSON logs show it as {@code requestId}), and ends the detail of
 * every 5xx error body ({@link ServerErrorRequestId}), so that a failure a user reports can be found in the log.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";

    /** First of all routes, before the request limits (-100) and Quarkus' own handlers. */
    static final int ROUTE_ORDER = -200;

    private static final String CONTEXT_KEY = "coder-users.request-id";

    /** What a caller's id may look like: nothing that could break a log line or a header. */
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    void register(@Observes Router router) {
        router.route().order(ROUTE_ORDER).handler(this::assign);
    }

    void assign(RoutingContext context) {
        String offered = context.request().getHeader(HEADER);
        String id = offered != null && ACCEPTED.matcher(offered).matches()
                ? offered
                : UUID.randomUUID().toString();
        context.put(CONTEXT_KEY, id);
        // Quarkus keeps the MDC in the request's Vert.x context, so the worker thread that runs the endpoint
        // sees it too.
        MDC.put(MDC_KEY, id);
        context.response().putHeader(HEADER, id);
        context.next();
    }

    /** The id of the request, or null for a request that did not pass the handler (none do). */
    public static String of(RoutingContext context) {
        return context.get(CONTEXT_KEY);
    }
}
