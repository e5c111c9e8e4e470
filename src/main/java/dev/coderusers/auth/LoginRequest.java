package dev.coderusers.auth;

import dev.coderusers.api.validation.CoderEmail;
import dev.coderusers.api.validation.Required;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code codersdk.LoginWithPasswordRequest}. */
@Schema(name = "codersdk.LoginWithPasswordRequest")
public record LoginRequest(
        @Schema(required = true, format = "email") @Required @CoderEmail
        String email,

        @Schema(required = true) @Required String password) {}
