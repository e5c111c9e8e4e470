package dev.coderusers.user.autofill;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code codersdk.UserParameter}: a build parameter's name and the value last used for it. */
@Schema(name = "codersdk.UserParameter")
public record UserParameter(String name, String value) {}
