package dev.coderusers.config;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;

/** User secrets ({@code /users/{user}/secrets}): the keys their values are encrypted with. */
@ConfigMapping(prefix = "coder-users.secrets")
public interface UserSecretsConfig {

    /**
     * AES-256 keys, base64 (32 bytes each), comma-separated: the first encrypts, the others only decrypt (and
     * their values are re-encrypted under the first at start). From a Secret, never from a file in the image.
     */
    Optional<List<String>> encryptionKeys();
}
