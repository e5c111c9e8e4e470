package dev.coderusers.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The one error body of the API, Coder's {@code codersdk.Response}:
 * {@code {"message", "detail"?, "validations"?}}; {@code detail} and {@code validations} are omitted when empty.
 */
@Schema(name = "codersdk.Response")
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ApiError(
        @Schema(description = "A sentence for the user.") String message,

        @Schema(description = "Technical detail for debugging.")
        String detail,

        @Schema(description = "Field-level problems with the request.")
        List<ValidationError> validations) {

    public static ApiError of(String message) {
        return new ApiError(message, null, null);
    }

    public static ApiError of(String message, String detail) {
        return new ApiError(message, detail, null);
    }

    public static ApiError of(String message, List<ValidationError> validations) {
        return new ApiError(message, null, validations);
    }
}
