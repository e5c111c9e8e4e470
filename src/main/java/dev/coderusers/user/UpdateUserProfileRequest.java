package dev.coderusers.user;

import dev.coderusers.api.validation.CoderUsername;
import dev.coderusers.api.validation.Required;
import dev.coderusers.api.validation.UserRealName;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code codersdk.UpdateUserProfileRequest}. An absent {@code name} clears the display name, as in Coder. */
@Schema(name = "codersdk.UpdateUserProfileRequest")
public record UpdateUserProfileRequest(
        @Schema(required = true) @Required @CoderUsername String username,
        @UserRealName String name) {}
