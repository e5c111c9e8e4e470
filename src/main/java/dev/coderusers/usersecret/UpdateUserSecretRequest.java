package dev.coderusers.usersecret;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code codersdk.UpdateUserSecretRequest}, a partial update: an absent (or null) field stays as it is. */
@Schema(name = "codersdk.UpdateUserSecretRequest")
public record UpdateUserSecretRequest(
        @Schema(description = "Write-only: stored encrypted, never returned.")
        String value,

        String description,
        String envName,
        String filePath) {

    boolean hasNoField() {
        return value == null && description == null && envName == null && filePath == null;
    }

    /** The value stays out of logs. */
    @Override
    public String toString() {
        return "UpdateUserSecretRequest[value=" + (value == null ? "absent" : "***") + ", env_name=" + envName
                + ", file_path=" + filePath + "]";
    }
}
