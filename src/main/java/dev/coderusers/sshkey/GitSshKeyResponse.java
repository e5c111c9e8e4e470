package dev.coderusers.sshkey;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code codersdk.GitSSHKey}: the public half only; the private key never leaves the database through the API. */
@Schema(name = "codersdk.GitSSHKey")
public record GitSshKeyResponse(
        @Schema(format = "uuid") UUID userId,
        @Schema(format = "date-time") Instant createdAt,
        @Schema(format = "date-time") Instant updatedAt,

        @Schema(
                description = "The SSH public key in OpenSSH authorized_keys format, without a comment and with a"
                        + " trailing newline, e.g. \"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA...\\n\".")
        String publicKey) {

    static GitSshKeyResponse of(GitSshKey key) {
        return new GitSshKeyResponse(key.userId, key.createdAt, key.updatedAt, key.publicKey);
    }
}
