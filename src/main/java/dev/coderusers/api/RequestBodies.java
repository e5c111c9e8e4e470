package dev.coderusers.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.Set;

/**
 * Coder's {@code httpapi.Read}: an absent body is a decoding failure ({@code EOF}), then the validation tags.
 *
 * <p>Bodies validated by {@code @Valid} on the resource only need {@link #present}. Endpoints whose permission
 * checks come before the body in Coder (everything under {@code /users/{user}}) call {@link #read} after those
 * checks instead of using {@code @Valid}, so that a caller who may not act on the target gets its 404 before
 * any 400 about the body.
 */
@ApplicationScoped
public class RequestBodies {

    private final Validator validator;

    public RequestBodies(Validator validator) {
        this.validator = validator;
    }

    /** An absent body is a JSON decoding failure, as Go's decoder reports it ({@code EOF}). */
    public static <T> T present(T body) {
        if (body == null) {
            throw ApiException.badRequest(ApiExceptionMappers.INVALID_JSON, "EOF");
        }
        return body;
    }

    /** The body, present and valid; otherwise the 400 the mappers write for {@code @Valid} bodies. */
    public <T> T read(T body) {
        present(body);
        Set<ConstraintViolation<T>> violations = validator.validate(body);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return body;
    }
}
