package dev.coderusers.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Coder reads every request body as JSON whatever its {@code Content-Type} says ({@code httpapi.Read} never
 * looks at the header), so {@code curl -d '{...}'}, which sends {@code application/x-www-form-urlencoded}, and
 * clients that send no type at all work against Coder. The API does the same: before matching, a request to
 * {@code /api/} whose type is not JSON is relabelled as JSON, and the resources' {@code @Consumes} (kept for the
 * OpenAPI document) then accept it. A body that is not JSON gets the usual 400 "Request body must be valid JSON."
 */
public class JsonBodies {

    static final String JSON_UTF8 = MediaType.APPLICATION_JSON + ";charset=utf-8";

    @ServerRequestFilter(preMatching = true)
    public void readAsJson(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith("/api/") || isJson(request.getMediaType())) {
            return;
        }
        // Go's decoder reads the bytes as UTF-8 whatever charset the header named, and so does Jackson here.
        request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, JSON_UTF8);
    }

    /** {@code application/json}, without a charset or with UTF-8's: the one label Jackson reads as Go does. */
    private static boolean isJson(MediaType type) {
        if (type == null
                || !"application".equalsIgnoreCase(type.getType())
                || !"json".equalsIgnoreCase(type.getSubtype())) {
            return false;
        }
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        return charset == null || charset.equalsIgnoreCase("utf-8");
    }
}
