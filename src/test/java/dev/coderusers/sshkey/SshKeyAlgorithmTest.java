package dev.coderusers.sshkey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SshKeyAlgorithmTest {

    @Test
    void parsesTheConfigValuesCoderAccepts() {
        assertThat(SshKeyAlgorithm.parse("ed25519")).isEqualTo(SshKeyAlgorithm.ED25519);
        assertThat(SshKeyAlgorithm.parse("ecdsa")).isEqualTo(SshKeyAlgorithm.ECDSA);
        assertThat(SshKeyAlgorithm.parse("rsa4096")).isEqualTo(SshKeyAlgorithm.RSA4096);
    }

    @Test
    void anUnknownValueIsRejectedWithTheListOfValidValues() {
        assertThatThrownBy(() -> SshKeyAlgorithm.parse("rsa2048"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid git SSH key algorithm \"rsa2048\": must be one of ed25519, ecdsa, rsa4096.");
    }

    @Test
    void valuesAreMatchedExactlyLikeCoderDoes() {
        assertThatThrownBy(() -> SshKeyAlgorithm.parse("ED25519"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"ED25519\"");
        assertThatThrownBy(() -> SshKeyAlgorithm.parse("RSA4096")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theConverterUsedByTheConfigMappingParses() {
        SshKeyAlgorithmConverter converter = new SshKeyAlgorithmConverter();

        assertThat(converter.convert("ecdsa")).isEqualTo(SshKeyAlgorithm.ECDSA);
        assertThatThrownBy(() -> converter.convert("dsa")).hasMessageContaining("must be one of");
    }

    @Test
    void eachAlgorithmNamesItsSshKeyType() {
        assertThat(SshKeyAlgorithm.ED25519.sshKeyType()).isEqualTo("ssh-ed25519");
        assertThat(SshKeyAlgorithm.ECDSA.sshKeyType()).isEqualTo("ecdsa-sha2-nistp256");
        assertThat(SshKeyAlgorithm.RSA4096.sshKeyType()).isEqualTo("ssh-rsa");
    }
}
