package dev.coderusers.sshkey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.Signer;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.crypto.signers.DSADigestSigner;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.signers.RSADigestSigner;
import org.bouncycastle.crypto.util.OpenSSHPrivateKeyUtil;
import org.bouncycastle.crypto.util.OpenSSHPublicKeyUtil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Checks generated keys against the formats Coder stores, independently of the code under test: the SSH wire
 * format and openssh-key-v1 are decoded by hand, the ASN.1 structures with BouncyCastle, and OpenSSH's own
 * {@code ssh-keygen} derives the public key from the private key file.
 */
class SshKeyGeneratorTest {

    private static final Path SSH_KEYGEN = Path.of("/usr/bin/ssh-keygen");

    /** One key per algorithm for the whole class: an RSA-4096 pair takes seconds to generate. */
    private static final Map<SshKeyAlgorithm, GeneratedSshKey> KEYS = new EnumMap<>(SshKeyAlgorithm.class);

    @BeforeAll
    static void generateOneKeyPerAlgorithm() {
        for (SshKeyAlgorithm algorithm : SshKeyAlgorithm.values()) {
            KEYS.put(algorithm, new SshKeyGenerator(algorithm).generate());
        }
    }

    @ParameterizedTest
    @EnumSource(SshKeyAlgorithm.class)
    void publicKeyIsAnAuthorizedKeysLineWithoutCommentEndingInOneNewline(SshKeyAlgorithm algorithm) {
        String line = KEYS.get(algorithm).publicKey();

        assertThat(line).matches(algorithm.sshKeyType() + " [A-Za-z0-9+/]+={0,2}\n");
        assertThat(line.indexOf('\n')).isEqualTo(line.length() - 1);
        assertThat(line.strip().split(" ")).hasSize(2);
        assertThat(new Wire(publicBlob(line)).string()).isEqualTo(algorithm.sshKeyType());
    }

    @Test
    void ed25519PublicKeyHasTheShapeOfCodersExample() {
        String line = KEYS.get(SshKeyAlgorithm.ED25519).publicKey();
        // The example in Coder's API documentation of GitSSHKey.public_key.
        String coderExample = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAID3OmYJvT7q1cF1azbybYy0OZ9yrXfA+M6Lr4vzX5zlp\n";

        assertThat(line).startsWith("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI").hasSameSizeAs(coderExample);
        Wire blob = new Wire(publicBlob(line));
        assertThat(blob.string()).isEqualTo("ssh-ed25519");
        assertThat(blob.bytes()).hasSize(32);
        assertThat(blob.remaining()).isZero();
    }

    @Test
    void ecdsaPublicKeyIsAnUncompressedP256Point() {
        Wire blob = new Wire(publicBlob(KEYS.get(SshKeyAlgorithm.ECDSA).publicKey()));

        assertThat(blob.string()).isEqualTo("ecdsa-sha2-nistp256");
        assertThat(blob.string()).isEqualTo("nistp256");
        byte[] point = blob.bytes();
        assertThat(point).hasSize(65);
        assertThat(point[0]).isEqualTo((byte) 0x04);
        assertThat(blob.remaining()).isZero();
    }

    @Test
    void rsaPublicKeyHas4096BitsAndExponent65537() {
        Wire blob = new Wire(publicBlob(KEYS.get(SshKeyAlgorithm.RSA4096).publicKey()));

        assertThat(blob.string()).isEqualTo("ssh-rsa");
        assertThat(blob.mpint()).isEqualTo(BigInteger.valueOf(65537));
        assertThat(blob.mpint().bitLength()).isEqualTo(4096);
        assertThat(blob.remaining()).isZero();
    }

    @ParameterizedTest
    @EnumSource(SshKeyAlgorithm.class)
    void privateKeyIsPemWithCodersBlockType(SshKeyAlgorithm algorithm) {
        String pem = KEYS.get(algorithm).privateKeyPem();
        String type = pemType(algorithm);

        assertThat(pem).startsWith("-----BEGIN " + type + "-----\n").endsWith("\n-----END " + type + "-----\n");
        assertThat(pem).doesNotContain("\r");
        List<String> body = bodyLines(pem);
        assertThat(body).isNotEmpty();
        assertThat(body.subList(0, body.size() - 1))
                .allSatisfy(l -> assertThat(l).hasSize(64));
        assertThat(body.get(body.size() - 1).length()).isBetween(1, 64);
        assertThat(pemBody(pem)).isNotEmpty();
    }

    @Test
    void ed25519PrivateKeyIsAnUnencryptedOpensshKeyV1WithoutComment() {
        GeneratedSshKey key = KEYS.get(SshKeyAlgorithm.ED25519);
        Wire file = new Wire(pemBody(key.privateKeyPem()));

        assertThat(file.raw(15)).isEqualTo("openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII));
        assertThat(file.string()).as("cipher").isEqualTo("none");
        assertThat(file.string()).as("kdf").isEqualTo("none");
        assertThat(file.bytes()).as("kdf options").isEmpty();
        assertThat(file.uint32()).as("number of keys").isEqualTo(1);
        byte[] publicBlob = publicBlob(key.publicKey());
        assertThat(file.bytes()).isEqualTo(publicBlob);
        byte[] privateSection = file.bytes();
        assertThat(file.remaining()).isZero();

        assertThat(privateSection.length % 8).isZero();
        Wire section = new Wire(privateSection);
        assertThat(section.uint32()).as("check integers match").isEqualTo(section.uint32());
        assertThat(section.string()).isEqualTo("ssh-ed25519");
        byte[] publicKey = section.bytes();
        byte[] seedAndPublic = section.bytes();
        assertThat(section.string()).as("comment").isEmpty();
        byte[] padding = section.raw(section.remaining());
        for (int i = 0; i < padding.length; i++) {
            assertThat(padding[i]).isEqualTo((byte) (i + 1));
        }

        Wire publicWire = new Wire(publicBlob);
        publicWire.string();
        assertThat(publicKey).isEqualTo(publicWire.bytes());
        assertThat(seedAndPublic).hasSize(64);
        assertThat(Arrays.copyOfRange(seedAndPublic, 32, 64)).isEqualTo(publicKey);
        byte[] derived = new Ed25519PrivateKeyParameters(seedAndPublic, 0)
                .generatePublicKey()
                .getEncoded();
        assertThat(derived).as("public key derived from the seed").isEqualTo(publicKey);
    }

    @Test
    void ecdsaPrivateKeyIsSec1WithNamedCurveAndPublicKey() {
        GeneratedSshKey key = KEYS.get(SshKeyAlgorithm.ECDSA);
        ECPrivateKey sec1 = ECPrivateKey.getInstance(pemBody(key.privateKeyPem()));

        assertThat(sec1.getParametersObject()).isEqualTo(SECObjectIdentifiers.secp256r1);
        ECPrivateKeyParameters parsed = (ECPrivateKeyParameters) privateKey(key);
        byte[] derived = parsed.getParameters()
                .getG()
                .multiply(parsed.getD())
                .normalize()
                .getEncoded(false);
        Wire blob = new Wire(publicBlob(key.publicKey()));
        blob.string();
        blob.string();
        byte[] point = blob.bytes();
        assertThat(derived).as("public point derived from the private scalar").isEqualTo(point);
        assertThat(sec1.getPublicKey().getOctets())
                .as("public key inside SEC 1")
                .isEqualTo(point);
    }

    @Test
    void rsaPrivateKeyIsPkcs1MatchingThePublicKey() {
        GeneratedSshKey key = KEYS.get(SshKeyAlgorithm.RSA4096);
        RSAPrivateKey pkcs1 = RSAPrivateKey.getInstance(pemBody(key.privateKeyPem()));
        Wire blob = new Wire(publicBlob(key.publicKey()));
        blob.string();
        BigInteger exponent = blob.mpint();
        BigInteger modulus = blob.mpint();

        assertThat(pkcs1.getVersion()).isEqualTo(BigInteger.ZERO);
        assertThat(pkcs1.getModulus()).isEqualTo(modulus);
        assertThat(pkcs1.getPublicExponent()).isEqualTo(exponent);
        assertThat(pkcs1.getPrime1().multiply(pkcs1.getPrime2())).isEqualTo(modulus);
    }

    @ParameterizedTest
    @EnumSource(SshKeyAlgorithm.class)
    void bouncyCastleReadsBothHalvesAsTheSameKey(SshKeyAlgorithm algorithm) throws IOException {
        GeneratedSshKey key = KEYS.get(algorithm);
        AsymmetricKeyParameter privateKey = privateKey(key);

        assertThat(privateKey.isPrivate()).isTrue();
        assertThat(OpenSSHPublicKeyUtil.encodePublicKey(publicOf(privateKey))).isEqualTo(publicBlob(key.publicKey()));
    }

    @ParameterizedTest
    @EnumSource(SshKeyAlgorithm.class)
    void sshKeygenDerivesTheSamePublicKeyFromThePrivateKeyFile(SshKeyAlgorithm algorithm, @TempDir Path dir)
            throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(SSH_KEYGEN), "ssh-keygen is not installed");
        GeneratedSshKey key = KEYS.get(algorithm);
        // ssh-keygen refuses private key files that others can read.
        Path file = Files.createFile(
                dir.resolve("id_" + algorithm.configValue()),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, key.privateKeyPem(), StandardCharsets.US_ASCII);

        Process process = new ProcessBuilder(SSH_KEYGEN.toString(), "-y", "-f", file.toString())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.US_ASCII);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue())
                .as("ssh-keygen exit status, stderr: %s", err)
                .isZero();
        String[] derived = out.strip().split(" ");
        String[] generated = key.publicKey().strip().split(" ");
        assertThat(Arrays.copyOf(derived, 2)).isEqualTo(generated);
    }

    @ParameterizedTest
    @EnumSource(SshKeyAlgorithm.class)
    void signatureMadeWithThePrivateKeyVerifiesWithThePublicKey(SshKeyAlgorithm algorithm) throws CryptoException {
        GeneratedSshKey key = KEYS.get(algorithm);
        AsymmetricKeyParameter publicKey = OpenSSHPublicKeyUtil.parsePublicKey(publicBlob(key.publicKey()));
        byte[] message = new byte[100];
        new SecureRandom().nextBytes(message);

        Signer signer = signer(algorithm);
        signer.init(true, privateKey(key));
        signer.update(message, 0, message.length);
        byte[] signature = signer.generateSignature();

        Signer verifier = signer(algorithm);
        verifier.init(false, publicKey);
        verifier.update(message, 0, message.length);
        assertThat(verifier.verifySignature(signature)).isTrue();

        message[0] ^= 1;
        verifier.reset();
        verifier.update(message, 0, message.length);
        assertThat(verifier.verifySignature(signature)).as("altered message").isFalse();
    }

    @ParameterizedTest
    @EnumSource(SshKeyAlgorithm.class)
    void twoGenerationsGiveDifferentKeys(SshKeyAlgorithm algorithm) {
        GeneratedSshKey first = KEYS.get(algorithm);
        GeneratedSshKey second = new SshKeyGenerator(algorithm).generate();

        assertThat(second.publicKey()).startsWith(algorithm.sshKeyType() + " ").isNotEqualTo(first.publicKey());
        assertThat(second.privateKeyPem()).isNotEqualTo(first.privateKeyPem());
    }

    @Test
    void generateWithoutArgumentUsesTheConfiguredAlgorithm() {
        SshKeyGenerator generator = new SshKeyGenerator(SshKeyAlgorithm.ECDSA);

        assertThat(generator.algorithm()).isEqualTo(SshKeyAlgorithm.ECDSA);
        assertThat(generator.generate().publicKey()).startsWith("ecdsa-sha2-nistp256 ");
    }

    @Test
    void toStringShowsThePublicKeyOnly() {
        GeneratedSshKey key = KEYS.get(SshKeyAlgorithm.ED25519);

        assertThat(key.toString()).contains(key.publicKey().strip()).doesNotContain("PRIVATE");
    }

    private static String pemType(SshKeyAlgorithm algorithm) {
        return switch (algorithm) {
            case ED25519 -> "OPENSSH PRIVATE KEY";
            case ECDSA -> "EC PRIVATE KEY";
            case RSA4096 -> "RSA PRIVATE KEY";
        };
    }

    private static List<String> bodyLines(String pem) {
        List<String> lines = pem.lines().toList();
        return lines.subList(1, lines.size() - 1);
    }

    private static byte[] pemBody(String pem) {
        return Base64.getDecoder().decode(String.join("", bodyLines(pem)));
    }

    private static byte[] publicBlob(String authorizedKeysLine) {
        return Base64.getDecoder().decode(authorizedKeysLine.strip().split(" ")[1]);
    }

    private static AsymmetricKeyParameter privateKey(GeneratedSshKey key) {
        return OpenSSHPrivateKeyUtil.parsePrivateKeyBlob(pemBody(key.privateKeyPem()));
    }

    private static AsymmetricKeyParameter publicOf(AsymmetricKeyParameter privateKey) {
        if (privateKey instanceof Ed25519PrivateKeyParameters ed25519) {
            return ed25519.generatePublicKey();
        }
        if (privateKey instanceof ECPrivateKeyParameters ec) {
            return new ECPublicKeyParameters(
                    ec.getParameters().getG().multiply(ec.getD()).normalize(), ec.getParameters());
        }
        RSAPrivateCrtKeyParameters rsa = (RSAPrivateCrtKeyParameters) privateKey;
        return new RSAKeyParameters(false, rsa.getModulus(), rsa.getPublicExponent());
    }

    /** The signature schemes SSH uses with each key type (ssh-ed25519, ecdsa-sha2-nistp256, rsa-sha2-256). */
    private static Signer signer(SshKeyAlgorithm algorithm) {
        return switch (algorithm) {
            case ED25519 -> new Ed25519Signer();
            case ECDSA -> new DSADigestSigner(new ECDSASigner(), new SHA256Digest());
            case RSA4096 -> new RSADigestSigner(new SHA256Digest());
        };
    }

    /** Reads the SSH wire encoding (RFC 4251 §5): uint32, length-prefixed strings and mpints. */
    private static final class Wire {
        private final ByteBuffer buffer;

        Wire(byte[] bytes) {
            this.buffer = ByteBuffer.wrap(bytes);
        }

        int uint32() {
            return buffer.getInt();
        }

        byte[] raw(int length) {
            byte[] bytes = new byte[length];
            buffer.get(bytes);
            return bytes;
        }

        byte[] bytes() {
            return raw(uint32());
        }

        String string() {
            return new String(bytes(), StandardCharsets.US_ASCII);
        }

        BigInteger mpint() {
            return new BigInteger(bytes());
        }

        int remaining() {
            return buffer.remaining();
        }
    }
}
