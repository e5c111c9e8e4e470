package dev.coderusers.sshkey;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The key types Coder generates git SSH keys with (deployment flag {@code --ssh-keygen-algorithm}).
 *
 * <p>Config values are matched exactly, as Coder's {@code gitsshkey.ParseAlgorithm} does: {@code ED25519} is
 * rejected like it is there.
 */
public enum SshKeyAlgorithm {
    ED25519("ed25519", "ssh-ed25519"),
    /** ECDSA on NIST P-256. */
    ECDSA("ecdsa", "ecdsa-sha2-nistp256"),
    RSA4096("rsa4096", "ssh-rsa");

    private final String configValue;
    private final String sshKeyType;

    SshKeyAlgorithm(String configValue, String sshKeyType) {
        this.configValue = configValue;
        this.sshKeyType = sshKeyType;
    }

    /** The name used in configuration, e.g. {@code ed25519}. */
    public String configValue() {
        return configValue;
    }

    /** The SSH wire-format key type, the first word of the authorized_keys line, e.g. {@code ssh-ed25519}. */
    public String sshKeyType() {
        return sshKeyType;
    }

    /**
     * Parses a configuration value.
     *
     * @throws IllegalArgumentException naming the value and listing the valid ones
     */
    public static SshKeyAlgorithm parse(String value) {
        for (SshKeyAlgorithm algorithm : values()) {
            if (algorithm.configValue.equals(value)) {
                return algorithm;
            }
        }
        throw new IllegalArgumentException("Invalid git SSH key algorithm \"" + value + "\": must be one of "
                + Arrays.stream(values()).map(SshKeyAlgorithm::configValue).collect(Collectors.joining(", "))
                + ".");
    }
}
