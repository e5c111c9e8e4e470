package dev.coderusers.user;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code codersdk.ValidateUserPasswordResponse}: {@code details} is Coder's advice, empty when valid. */
@Schema(name = "codersdk.ValidateUserPasswordResponse")
public record ValidateUserPasswordResponse(boolean valid, String details) {}
