package dev.coderusers.user;

import dev.coderusers.api.validation.Required;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code codersdk.ValidateUserPasswordRequest}. */
@Schema(name = "codersdk.ValidateUserPasswordRequest")
public record ValidateUserPasswordRequest(
        @Schema(required = true) @Required String password) {

    /** The password stays out of logs. */
    @Override
    public String toString() {
        return "ValidateUserPasswordRequest[password=***]";
    }
}
