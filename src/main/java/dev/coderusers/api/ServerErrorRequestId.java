package dev.coderusers.api;

import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every 5xx error body ends its detail with the request's id ({@link RequestIds}), whoever answered it: the
 * start-up gate, a mapped exception, an unexpected failure. The same id is on the log lines of the request, so a
 * user who reports the failure gives the operator what to search for.
 */
public class ServerErrorRequestId {

    private final RoutingContext routing;

    public ServerErrorRequestId(RoutingContext routing) {
        this.routing = routing;
    }

    @ServerResponseFilter
    public void addRequestId(ContainerResponseContext response) {
        if (response.getStatus() < 500 || !(response.getEntity() instanceof ApiError error)) {
            return;
        }
        String id = RequestIds.of(routing);
        if (id == null) {
            return;
        }
        String suffix = "Request id " + id + ".";
        String detail = error.detail() == null || error.detail().isEmpty() ? suffix : error.detail() + " " + suffix;
        response.setEntity(new ApiError(error.message(), detail, error.validations()));
    }
}
