package dev.coderusers.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One field-level problem: {@code field} is the JSON name of the request field or query key. */
@Schema(name = "codersdk.ValidationError")
public record ValidationError(
        @Schema(required = true) String field,
        @Schema(required = true) String detail) {}
