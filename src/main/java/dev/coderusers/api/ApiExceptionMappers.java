package dev.coderusers.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.hibernate.validator.engine.HibernateConstraintViolation;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every failure becomes one {@link ApiError} body. Nothing here echoes a stack trace or a class name: an
 * unexpected failure is logged with the request's id, and only the id goes back to the client.
 */
public class ApiExceptionMappers {

    /** Coder answers {@code application/json; charset=utf-8}. */
    public static final MediaType JSON_UTF8 = MediaType.APPLICATION_JSON_TYPE.withCharset("utf-8");

    public static final String INVALID_JSON = "Request body must be valid JSON.";

    private static final Logger LOG = Logger.getLogger(ApiExceptionMappers.class);

    @ServerExceptionMapper
    public Response api(ApiException e) {
        Response.ResponseBuilder response = respond(e.status(), e.body());
        e.headers().forEach(response::header);
        return response.build();
    }

    @ServerExceptionMapper
    public Response invalidJson(JsonProcessingException e) {
        if (e instanceof NulCharacters.Refused refused) {
            return nulInJson(refused);
        }
        return respond(400, ApiError.of(INVALID_JSON, describeJsonProblem(e))).build();
    }

    /**
     * A short description of what is wrong with the body, in the spirit of Go's decoder messages, naming
     * JSON fields and JSON types only (never Java classes).
     */
    static String describeJsonProblem(JsonProcessingException e) {
        if (e instanceof MismatchedInputException mismatch) {
            String field = jsonPath(mismatch);
            String expected = jsonTypeOf(mismatch.getTargetType());
            return field.isEmpty()
                    ? "cannot unmarshal the body into " + expected
                    : "cannot unmarshal field \"" + field + "\": expected " + expected;
        }
        JsonLocation location = e.getLocation();
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (message.startsWith("Unexpected end-of-input")) {
            return "unexpected EOF";
        }
        String first = firstLine(message);
        int cut = first.indexOf(" (");
        String text = cut > 0 ? first.substring(0, cut) : first;
        return location == null
                ? text
                : text + " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** The JSON path of the offending value: {@code name}, {@code roles[2]}, {@code a.b}. */
    private static String jsonPath(MismatchedInputException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                .orElse("");
    }

    private static String jsonTypeOf(Class<?> type) {
        if (type == null) {
            return "a different JSON type";
        }
        if (CharSequence.class.isAssignableFrom(type) || type == UUID.class || type.isEnum()) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type)
                || (type.isPrimitive() && type != boolean.class && type != char.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "a boolean";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }

    /** A string field with a NUL character: a validation error naming the field, as Coder's validations do. */
    @ServerExceptionMapper
    public Response nulInJson(NulCharacters.Refused e) {
        String field = jsonPath(e);
        return respond(
                        400,
                        ApiError.of(
                                "Validation failed.",
                                List.of(new ValidationError(field, "Field \"" + field + "\" " + NulCharacters.DETAIL))))
                .build();
    }

    /** Registered for the subtype too, so that it wins over the extension's own mapper of that type. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return invalidJson(e);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<ValidationError> validations = e.getConstraintViolations().stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(v -> new ValidationError(jsonName(v), validationDetail(v)))
                .toList();
        return respond(400, ApiError.of("Validation failed.", validations)).build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return invalidJson(json);
        }
        ApiError body = switch (status) {
            case 400 -> ApiError.of("Bad request.", firstLine(e.getMessage()));
            case 401 -> ApiError.of("Unauthorized.");
            case 403 -> ApiError.of("Forbidden.", ApiException.FORBIDDEN_DETAIL);
            case 404 -> ApiError.of("Route not found.");
            case 405 -> ApiError.of("Method not allowed.");
            case 406 -> ApiError.of("Not acceptable.", "This API answers application/json.");
            case 415 -> ApiError.of("Unsupported media type.", "Send the request body as application/json.");
            default ->
                status >= 500
                        ? internal(e).body()
                        : ApiError.of(
                                Response.Status.fromStatusCode(status) != null
                                        ? Response.Status.fromStatusCode(status).getReasonPhrase() + "."
                                        : "Request failed.");
        };
        Response.ResponseBuilder response = respond(status, body);
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(value -> response.header(name, value));
            }
        });
        return response.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        ApiException internal = internal(e);
        return respond(500, internal.body()).build();
    }

    /**
     * The body of an unexpected failure: a sentence and nothing of the exception. The detail gets the request's
     * id ({@link ServerErrorRequestId}), which is also on this log line.
     */
    private static ApiException internal(Throwable e) {
        LOG.errorf(e, "Unexpected failure (request id %s)", MDC.get(RequestIds.MDC_KEY));
        return new ApiException(500, ApiError.of("An internal error occurred. Please try again later."));
    }

    public static Response.ResponseBuilder respond(int status, ApiError body) {
        return Response.status(status).type(JSON_UTF8).entity(body);
    }

    /**
     * Coder's detail for a failed validation tag: {@code Validation failed for tag "username" with value: "x y"}.
     * Constraints of this API carry the Go tag name as their message.
     */
    public static String validationDetail(String tag, Object value) {
        return "Validation failed for tag \"" + tag + "\" with value: \"" + (value == null ? "" : value) + "\"";
    }

    private static String validationDetail(ConstraintViolation<?> violation) {
        Object value = violation.getInvalidValue();
        if (value != null && value == violation.getLeafBean()) {
            // A constraint of the whole body reported on one field (e.g. required_unless): the value it names
            // is that field's, which the constraint hands over as its payload.
            value = violation.unwrap(HibernateConstraintViolation.class).getDynamicPayload(Object.class);
        }
        return validationDetail(violation.getMessage(), value);
    }

    /** The JSON name of the violated field: the last node of the path, snake_cased like the API's JSON. */
    private static String jsonName(ConstraintViolation<?> violation) {
        String name = null;
        for (Path.Node node : violation.getPropertyPath()) {
            name = node.getName();
        }
        return name == null ? "" : JsonNames.snakeCase(name);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return null;
        }
        return message.lines().findFirst().orElse(message);
    }
}
