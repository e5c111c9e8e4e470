package dev.coderusers.apikey;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code codersdk.TokenConfig}: the longest lifetime the user may ask for a token, in nanoseconds. */
@Schema(name = "codersdk.TokenConfig")
public record TokenConfig(
        @Schema(description = "Go time.Duration: integer nanoseconds.", format = "int64")
        long maxTokenLifetime) {}
