package dev.coderusers.user;

import dev.coderusers.api.RequestBodies;
import dev.coderusers.security.LoginRateLimited;
import dev.coderusers.security.PasswordPolicy;
import dev.coderusers.security.RequiresSession;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Passwords without a user path: the strength check and the reset by one-time passcode. */
@Path("/api/v2/users")
@Tag(name = "Authorization")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PasswordResource {

    private final RequestBodies bodies;
    private final PasswordPolicy passwordPolicy;
    private final OneTimePasscodeService passcodes;

    public PasswordResource(RequestBodies bodies, PasswordPolicy passwordPolicy, OneTimePasscodeService passcodes) {
        this.bodies = bodies;
        this.passwordPolicy = passwordPolicy;
        this.passcodes = passcodes;
    }

    @POST
    @Path("validate-password")
    @RequiresSession
    @LoginRateLimited
    @Operation(
            operationId = "validate-user-password",
            summary = "Validate user password",
            description = "Whether a password is strong enough, by the rule password changes apply, with the"
                    + " same advice in details (empty when valid). Signed-in users only; rate limited per user.")
    @RequestBody(
            required = true,
            description = "Validate user password request",
            content = @Content(schema = @Schema(implementation = ValidateUserPasswordRequest.class)))
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = ValidateUserPasswordResponse.class)))
    public ValidateUserPasswordResponse validate(ValidateUserPasswordRequest body) {
        ValidateUserPasswordRequest request = bodies.read(body);
        return passwordPolicy
                .problem(request.password())
                .map(problem -> new ValidateUserPasswordResponse(false, problem))
                .orElseGet(() -> new ValidateUserPasswordResponse(true, ""));
    }

    @POST
    @Path("otp/request")
    @LoginRateLimited
    @Operation(
            operationId = "request-one-time-passcode",
            summary = "Request one-time passcode",
            description = "Public. For a password user with this email, emails a one-time passcode (valid for"
                    + " coder-users.password-reset.passcode-lifetime, 20 minutes by default) that replaces any"
                    + " earlier one. Always 204, whether or not the address has an account; without an SMTP"
                    + " server configured (quarkus.mailer.from) no email goes out. Rate limited per client"
                    + " address.")
    @RequestBody(
            required = true,
            description = "One-time passcode request",
            content = @Content(schema = @Schema(implementation = RequestOneTimePasscodeRequest.class)))
    @APIResponse(responseCode = "204", description = "No Content")
    @APIResponse(responseCode = "403", description = "Password authentication is disabled")
    public Response request(RequestOneTimePasscodeRequest body) {
        passcodes.request(body);
        return Response.noContent().build();
    }

    @POST
    @Path("otp/change-password")
    @LoginRateLimited
    @Operation(
            operationId = "change-password-with-a-one-time-passcode",
            summary = "Change password with a one-time passcode",
            description = "Public. Checks the strength of the new password, then the passcode: a wrong, used or"
                    + " expired passcode, or an email without one, all get the same 400. Sets the password, spends"
                    + " the passcode and deletes every API key of the user. Rate limited per client address.")
    @RequestBody(
            required = true,
            description = "Change password request",
            content = @Content(schema = @Schema(implementation = ChangePasswordWithOneTimePasscodeRequest.class)))
    @APIResponse(responseCode = "204", description = "No Content")
    @APIResponse(
            responseCode = "400",
            description = "Invalid body, weak password, incorrect email or one-time passcode, or the password is"
                    + " unchanged")
    @APIResponse(responseCode = "403", description = "Password authentication is disabled")
    public Response changePassword(ChangePasswordWithOneTimePasscodeRequest body) {
        passcodes.changePassword(body);
        return Response.noContent().build();
    }
}
