package dev.coderusers.usersecret;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code codersdk.CreateUserSecretRequest}: name and value are required (checked by the service). */
@Schema(name = "codersdk.CreateUserSecretRequest")
public record CreateUserSecretRequest(
        @Schema(description = "Unique per user; no leading or trailing whitespace, no /, ? or #.")
        String name,

        @Schema(description = "Write-only: stored encrypted, never returned. At most 24 KiB.")
        String value,

        String description,

        @Schema(description = "Environment variable to expose the value as; empty for none.")
        String envName,

        @Schema(description = "File (starting with ~/ or /) to write the value to; empty for none.")
        String filePath) {

    /** The value stays out of logs. */
    @Override
    public String toString() {
        return "CreateUserSecretRequest[name=" + name + ", value=***, env_name=" + envName + ", file_path=" + filePath
                + "]";
    }
}
