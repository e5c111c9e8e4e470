package dev.coderusers.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coderusers.config.HttpLimitsConfig;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Errors are always JSON, also for requests too large to reach an endpoint: a body over the limit (413), a
 * URI too long (414) and headers too large (431) answer the error envelope. Quarkus and the HTTP parser
 * answered these with an empty body; this handler runs first on every route and applies the documented limits
 * itself, with the parser's limits set higher as a backstop (application.properties).
 */
@ApplicationScoped
public class RequestLimits {

    /** Before Quarkus' own body-size check (RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT, -2). */
    static final int ROUTE_ORDER = -100;

    private final HttpLimitsConfig limits;
    private final long maxBodySize;
    private final ObjectMapper json;

    public RequestLimits(
            HttpLimitsConfig limits,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
            ObjectMapper json) {
        this.limits = limits;
        this.maxBodySize = maxBodySize.asLongValue();
        this.json = json;
    }

    void register(@Observes Router router) {
        router.route().order(ROUTE_ORDER).handler(this::check);
    }

    void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.uri().length() > limits.maxUriLength()) {
            refuse(
                    context,
                    414,
                    "Request URI too long.",
                    "The URI may be " + limits.maxUriLength() + " characters long.");
            return;
        }
        long headerBytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + 4; // ": " and CRLF
        }
        if (headerBytes > limits.maxHeaderSize().asLongValue()) {
            refuse(
                    context,
                    431,
                    "Request headers too large.",
                    "The headers may take " + limits.maxHeaderSize().asLongValue() + " bytes in all.");
            return;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && isLongerThan(length, maxBodySize)) {
            refuse(context, 413, "Request body too large.", "The body may be " + maxBodySize + " bytes long.");
            return;
        }
        context.next();
    }

    private static boolean isLongerThan(String contentLength, long limit) {
        try {
            return Long.parseLong(contentLength.trim()) > limit;
        } catch (NumberFormatException e) {
            return false; // the HTTP parser refuses a malformed length itself
        }
    }

    private void refuse(RoutingContext context, int status, String message, String detail) {
        String body;
        try {
            body = json.writeValueAsString(ApiError.of(message, detail));
        } catch (JsonProcessingException e) {
            body = "{\"message\":\"" + message + "\"}";
        }
        // The rest of an oversized request is not read: the connection ends with this answer.
        context.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, ApiExceptionMappers.JSON_UTF8.toString())
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(body);
    }
}
