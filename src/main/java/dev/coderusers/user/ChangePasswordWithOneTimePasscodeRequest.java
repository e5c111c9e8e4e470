package dev.coderusers.user;

import dev.coderusers.api.validation.CoderEmail;
import dev.coderusers.api.validation.Required;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code codersdk.ChangePasswordWithOneTimePasscodeRequest}. */
@Schema(name = "codersdk.ChangePasswordWithOneTimePasscodeRequest")
public record ChangePasswordWithOneTimePasscodeRequest(
        @Schema(required = true, format = "email") @Required @CoderEmail
        String email,

        @Schema(required = true) @Required String oneTimePasscode,
        @Schema(required = true) @Required String password) {

    /** The passcode and the password stay out of logs. */
    @Override
    public String toString() {
        return "ChangePasswordWithOneTimePasscodeRequest[email=" + email + ", one_time_passcode=***, password=***]";
    }
}
