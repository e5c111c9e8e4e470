package dev.coderusers.user;

import dev.coderusers.api.validation.CoderEmail;
import dev.coderusers.api.validation.CoderUsername;
import dev.coderusers.api.validation.Required;
import dev.coderusers.api.validation.UserRealName;
import jakarta.validation.Valid;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code codersdk.CreateFirstUserRequest}. Trial and onboarding details are accepted and not used here. */
@Schema(name = "codersdk.CreateFirstUserRequest")
public record CreateFirstUserRequest(
        @Schema(required = true) @Required @CoderEmail String email,
        @Schema(required = true) @Required @CoderUsername String username,
        @UserRealName String name,
        @Schema(required = true) @Required String password,
        Boolean trial,
        @Valid TrialInfo trialInfo,
        OnboardingInfo onboardingInfo) {

    /** {@code codersdk.CreateFirstUserTrialInfo}: used by Coder's enterprise edition to start a trial. */
    @Schema(name = "codersdk.CreateFirstUserTrialInfo")
    public record TrialInfo(
            String firstName,
            String lastName,
            String phoneNumber,
            String jobTitle,
            String companyName,
            String country,
            String developers) {}

    /** {@code codersdk.CreateFirstUserOnboardingInfo}: telemetry preferences in Coder. */
    @Schema(name = "codersdk.CreateFirstUserOnboardingInfo")
    public record OnboardingInfo(Boolean newsletterMarketing, Boolean newsletterReleases) {}
}
