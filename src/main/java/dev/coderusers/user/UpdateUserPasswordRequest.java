package dev.coderusers.user;

import dev.coderusers.api.validation.Required;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code codersdk.UpdateUserPasswordRequest}. {@code old_password} is required when changing your own
 * password and checked whenever it is given.
 */
@Schema(name = "codersdk.UpdateUserPasswordRequest")
public record UpdateUserPasswordRequest(
        String oldPassword,
        @Schema(required = true) @Required String password) {}
