package dev.coderusers.apikey;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code codersdk.GenerateAPIKeyResponse}: the new token {@code <id>-<secret>}, shown this once only. */
@Schema(name = "codersdk.GenerateAPIKeyResponse")
public record GenerateApiKeyResponse(
        @Schema(description = "The token, <id>-<secret>.") String key) {}
