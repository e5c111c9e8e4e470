package dev.coderusers.auth;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code codersdk.LoginWithPasswordResponse}: the new session token, shown this once. */
@Schema(name = "codersdk.LoginWithPasswordResponse")
public record LoginResponse(@Schema(required = true) String sessionToken) {}
