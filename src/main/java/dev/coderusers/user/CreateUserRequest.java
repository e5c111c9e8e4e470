package dev.coderusers.user;

import dev.coderusers.api.validation.CoderEmail;
import dev.coderusers.api.validation.CoderUsername;
import dev.coderusers.api.validation.Required;
import dev.coderusers.api.validation.UserRealName;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/**
 * {@code codersdk.CreateUserRequestWithOrgs}. {@code email} is required unless {@code service_account}
 * (Coder's {@code required_unless} tag, reported with the other fields' failures); {@code organization_id} is
 * the legacy single organization and is appended to {@code organization_ids}.
 */
@Schema(name = "codersdk.CreateUserRequestWithOrgs")
@CreateUserRequest.EmailRequiredUnlessServiceAccount
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
        List<String> roles) {

    /**
     * Go's {@code required_unless=ServiceAccount true} on {@code email}: it looks at a second field, so it is a
     * constraint of the whole request, reported on {@code email} with the email as the value Coder's detail names.
     */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = EmailRequiredUnlessServiceAccount.Validator.class)
    public @interface EmailRequiredUnlessServiceAccount {
        String message() default "required_unless";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Validator implements ConstraintValidator<EmailRequiredUnlessServiceAccount, CreateUserRequest> {
            @Override
            public boolean isValid(CreateUserRequest request, ConstraintValidatorContext context) {
                if (Boolean.TRUE.equals(request.serviceAccount())
                        || (request.email() != null && !request.email().isEmpty())) {
                    return true;
                }
                context.disableDefaultConstraintViolation();
                context.unwrap(HibernateConstraintValidatorContext.class)
                        .withDynamicPayload(request.email() == null ? "" : request.email())
                        .buildConstraintViolationWithTemplate("required_unless")
                        .addPropertyNode("email")
                        .addConstraintViolation();
                return false;
            }
        }
    }
}
