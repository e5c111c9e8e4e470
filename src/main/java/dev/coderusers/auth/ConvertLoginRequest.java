package dev.coderusers.auth;

import dev.coderusers.api.validation.Required;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code codersdk.ConvertLoginRequest}. {@code to_type} is read as text, so that an unknown type gets Coder's 400. */
@Schema(name = "codersdk.ConvertLoginRequest")
public record ConvertLoginRequest(
        @Schema(required = true) @Required String password,

        @Schema(required = true, ref = "codersdk.LoginType", description = "ToType is the login type to convert to.")
        @Required
        String toType) {

    /** The password stays out of logs. */
    @Override
    public String toString() {
        return "ConvertLoginRequest[password=***, to_type=" + toType + "]";
    }
}
