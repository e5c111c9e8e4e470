package dev.coderusers.api;

import java.util.List;
import java.util.Map;

/**
 * A failure that answers with a given status and {@link ApiError} body. Services throw it; one mapper
 * ({@link ApiExceptionMappers}) writes it. No resource builds an error response by hand.
 */
public class ApiException extends RuntimeException {

    /** Coder's body for "absent, or you may not see it": Coder answers 404, never 403, for unreadable targets. */
    public static final String RESOURCE_NOT_FOUND = "Resource not found or you do not have access to this resource";

    public static final String FORBIDDEN_DETAIL =
            "You don't have permission to view this content. If you believe this is a mistake, please contact"
                    + " your administrator or try signing in with different credentials.";

    private final int status;
    private final ApiError body;
    private final Map<String, String> headers;

    public ApiException(int status, ApiError body) {
        this(status, body, Map.of());
    }

    public ApiException(int status, ApiError body, Map<String, String> headers) {
        super(body.message(), null, false, false);
        this.status = status;
        this.body = body;
        this.headers = Map.copyOf(headers);
    }

    public int status() {
        return status;
    }

    public ApiError body() {
        return body;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, ApiError.of(message));
    }

    public static ApiException badRequest(String message, String detail) {
        return new ApiException(400, ApiError.of(message, detail));
    }

    public static ApiException badRequest(String message, List<ValidationError> validations) {
        return new ApiException(400, ApiError.of(message, validations));
    }

    public static ApiException badRequest(String message, String field, String detail) {
        return badRequest(message, List.of(new ValidationError(field, detail)));
    }

    /** 404 with Coder's standard body, for targets that are absent or that the caller may not read. */
    public static ApiException resourceNotFound() {
        return new ApiException(404, ApiError.of(RESOURCE_NOT_FOUND));
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, ApiError.of(message));
    }

    /** 403 with Coder's standard "Forbidden." body. */
    public static ApiException forbidden() {
        return new ApiException(403, ApiError.of("Forbidden.", FORBIDDEN_DETAIL));
    }

    public static ApiException forbidden(String message) {
        return new ApiException(403, ApiError.of(message));
    }

    public static ApiException conflict(String message) {
        return new ApiException(409, ApiError.of(message));
    }

    public static ApiException conflict(String message, String field, String detail) {
        return new ApiException(409, ApiError.of(message, List.of(new ValidationError(field, detail))));
    }
}
