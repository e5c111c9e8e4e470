package dev.coderusers.operations;

import dev.coderusers.api.RequestIds;
import dev.coderusers.api.RouteTemplates;
import dev.coderusers.config.AccessLogConfig;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * The optional access log ({@code coder-users.access-log.enabled}): one INFO line per request on the category
 * {@code dev.coderusers.access}, written when the answer is sent, e.g.
 * {@code GET /api/v2/users/{user} 200 3.1 ms user=6c1f... request=0b7e... path=/api/v2/users/me}. The same fields
 * are in the MDC of the line ({@code method}, {@code route}, {@code status}, {@code durationMs}, {@code userId},
 * {@code requestId}, {@code path}), which JSON logs show as fields. Health probes and metric scrapes ({@code /q/...})
 * are not logged.
 *
 * <p>Tokens never reach it: they travel in cookies and headers, which are not logged, and in the query parameters
 * {@code coder_session_token} and {@code access_token}, whose values are replaced (as are those of every
 * parameter named like a credential: OAuth's {@code code} and {@code state}, passwords, passcodes, secrets).
 */
@ApplicationScoped
public class AccessLog {

    public static final String CATEGORY = "dev.coderusers.access";

    static final String REDACTED = "REDACTED";

    /** Right after {@link RequestIds} (-200), so that every request, answered by anyone, is logged. */
    static final int ROUTE_ORDER = -190;

    private static final Logger LOG = Logger.getLogger(CATEGORY);

    private static final String NON_APPLICATION = "/q/";

    /** Parts of parameter names that mark a credential (coder_session_token, access_token, oidc_merge_state, ...). */
    private static final List<String> CREDENTIAL_WORDS =
            List.of("token", "state", "code", "password", "passcode", "secret", "key", "ticket", "jwt");

    private final AccessLogConfig config;

    public AccessLog(AccessLogConfig config) {
        this.config = config;
    }

    void register(@Observes Router router) {
        if (config.enabled()) {
            router.route().order(ROUTE_ORDER).handler(this::observe);
        }
    }

    void observe(RoutingContext context) {
        // Probes and scrapes (/q/health, /q/metrics) come every few seconds from every kubelet and Prometheus:
        // lines that would bury the requests.
        if (context.request().path().startsWith(NON_APPLICATION)) {
            context.next();
            return;
        }
        long started = System.nanoTime();
        context.addEndHandler(ended -> write(context, started));
        context.next();
    }

    private void write(RoutingContext context, long started) {
        String method = context.request().method().name();
        String route = RouteTemplates.of(context).orElse("-");
        int status = context.response().getStatusCode();
        String duration = String.format(Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1_000_000.0);
        String userId = UserLogContext.of(context).orElse("-");
        String requestId = RequestIds.of(context);
        String path = redacted(context.request().path(), context.request().query());
        Map<String, Object> fields = Map.of(
                "method",
                method,
                "route",
                route,
                "status",
                status,
                "durationMs",
                duration,
                UserLogContext.MDC_KEY,
                userId,
                RequestIds.MDC_KEY,
                requestId == null ? "-" : requestId,
                "path",
                path);
        fields.forEach(MDC::put);
        try {
            LOG.infof(
                    "%s %s %d %s ms user=%s request=%s path=%s",
                    method, route, status, duration, userId, requestId, path);
        } finally {
            fields.keySet().forEach(MDC::remove);
        }
    }

    /** The path and query as requested, with the value of every credential parameter replaced. */
    static String redacted(String path, String query) {
        if (query == null || query.isEmpty()) {
            return path;
        }
        StringJoiner kept = new StringJoiner("&", path + "?", "");
        for (String parameter : query.split("&", -1)) {
            int equals = parameter.indexOf('=');
            String name = equals < 0 ? parameter : parameter.substring(0, equals);
            kept.add(equals < 0 || !isCredential(name) ? parameter : name + "=" + REDACTED);
        }
        return kept.toString();
    }

    static boolean isCredential(String rawName) {
        String name;
        try {
            name = URLDecoder.decode(rawName, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException malformed) {
            // A name that cannot even be decoded is treated as the worst case.
            return true;
        }
        return CREDENTIAL_WORDS.stream().anyMatch(name::contains);
    }
}
