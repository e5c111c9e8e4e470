package dev.coderusers.user;

import dev.coderusers.api.validation.CoderEmail;
import dev.coderusers.api.validation.Required;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code codersdk.RequestOneTimePasscodeRequest}. */
@Schema(name = "codersdk.RequestOneTimePasscodeRequest")
public record RequestOneTimePasscodeRequest(
        @Schema(required = true, format = "email") @Required @CoderEmail
        String email) {}
