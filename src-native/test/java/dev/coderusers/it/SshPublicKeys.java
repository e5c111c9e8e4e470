package dev.coderusers.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Reads an OpenSSH public key line ({@code <type> <base64 blob>}) the way {@code ssh} does (RFC 4253 §6.6,
 * RFC 5656 §3.1, RFC 8709 §4) and checks that the blob is a well-formed key of that type: the service's key
 * generation must produce keys Git hosts accept, not merely text of the right shape.
 */
final class SshPublicKeys {

    private SshPublicKeys() {}

    static void assertValid(String line, String expectedType) {
        String[] parts = line.trim().split(" ");
        assertThat(parts).as("an OpenSSH public key line: %s", line).hasSizeGreaterThanOrEqualTo(2);
        assertThat(parts[0]).isEqualTo(expectedType);
        ByteBuffer blob = ByteBuffer.wrap(Base64.getDecoder().decode(parts[1]));
        assertThat(text(blob)).as("the type inside the blob").isEqualTo(expectedType);
        switch (expectedType) {
            case "ssh-ed25519" ->
                assertThat(bytes(blob)).as("Ed25519 public key").hasSize(32);
            case "ecdsa-sha2-nistp256" -> {
                assertThat(text(blob)).isEqualTo("nistp256");
                byte[] point = bytes(blob);
                assertThat(point).as("uncompressed P-256 point").hasSize(65);
                assertThat(point[0]).isEqualTo((byte) 4);
            }
            case "ssh-rsa" -> {
                BigInteger exponent = new BigInteger(bytes(blob));
                BigInteger modulus = new BigInteger(bytes(blob));
                assertThat(exponent).isEqualTo(BigInteger.valueOf(65537));
                assertThat(modulus.bitLength()).as("RSA modulus bits").isEqualTo(4096);
            }
            default -> throw new IllegalArgumentException("Unknown key type " + expectedType);
        }
        assertThat(blob.hasRemaining()).as("nothing after the key").isFalse();
    }

    private static String text(ByteBuffer blob) {
        return new String(bytes(blob), StandardCharsets.US_ASCII);
    }

    private static byte[] bytes(ByteBuffer blob) {
        byte[] value = new byte[blob.getInt()];
        blob.get(value);
        return value;
    }
}
