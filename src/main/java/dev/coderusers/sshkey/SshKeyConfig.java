package dev.coderusers.sshkey;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;

/** How git SSH keys are generated for users (Coder's {@code --ssh-keygen-algorithm}). */
@ConfigMapping(prefix = "coder-users.git-ssh-key")
public interface SshKeyConfig {

    /** Key type of new and regenerated keys: {@code ed25519}, {@code ecdsa} (P-256) or {@code rsa4096}. */
    @WithDefault("ed25519")
    @WithConverter(SshKeyAlgorithmConverter.class)
    SshKeyAlgorithm algorithm();
}
