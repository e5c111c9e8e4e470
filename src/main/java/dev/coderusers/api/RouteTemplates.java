package dev.coderusers.api;

import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * The route template a request matched ({@code /api/v2/users/{user}/keys/{keyid}}), for labels and log fields
 * that must never carry a user name, an id or a token. Quarkus REST records it in the request's Vert.x context
 * (under the key its HTTP metrics and tracing read) once the endpoint is matched; a request answered before
 * that - unknown route, start-up gate, request limits - has none.
 */
public final class RouteTemplates {

    /** Where Quarkus REST puts the template (io.quarkus.resteasy.reactive.server.runtime.observability). */
    private static final String KEY = "UrlPathTemplate";

    private RouteTemplates() {}

    public static Optional<String> of(RoutingContext context) {
        if (context.request() instanceof HttpServerRequestInternal request) {
            return Optional.ofNullable(request.context().getLocal(KEY));
        }
        return Optional.empty();
    }
}
