package dev.coderusers.user;

import dev.coderusers.api.validation.CoderEmail;
import dev.coderusers.api.validation.CoderUsername;
import dev.coderusers.api.validation.Required;
import dev.coderusers.api.validation.UserRealName;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code codersdk.CreateUserRequestWithOrgs}. {@code email} is required unless {@code service_account}
 * (checked by the service, Coder's {@code required_unless}); {@code organization_id} is the legacy single
 * organization and is appended to {@code organization_ids}.
 */
@Schema(name = "codersdk.CreateUserRequestWithOrgs")
public record CreateUserRequest(
        @Schema(format = "email") @CoderEmail String email,
        @Schema(required = true) @Required @CoderUsername String username,
        @UserRealName String name,
        String password,

        @Schema(
                ref = "codersdk.LoginType",
                description = "UserLoginType defaults to LoginTypePassword: password, github, oidc or none.")
        String loginType,

        @Schema(
                ref = "codersdk.UserStatus",
                description = "UserStatus defaults to UserStatusDormant. A value outside the enumeration is a 400"
                        + " (Coder: 500).")
        String userStatus,

        @Schema(description = "Organizations the user becomes a member of.")
        List<UUID> organizationIds,

        @Schema(hidden = true) UUID organizationId,

        @Schema(description = "Service accounts are admin-managed accounts that cannot login.")
        Boolean serviceAccount,

        @Schema(description = "Site-level roles to assign at creation.")
        List<String> roles) {}
