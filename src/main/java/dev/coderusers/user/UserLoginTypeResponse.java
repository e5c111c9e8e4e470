package dev.coderusers.user;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code codersdk.UserLoginType}: how a user signs in. */
@Schema(name = "codersdk.UserLoginType")
public record UserLoginTypeResponse(LoginType loginType) {}
