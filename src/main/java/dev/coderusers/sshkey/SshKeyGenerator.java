package dev.coderusers.sshkey;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.generators.Ed25519KeyPairGenerator;
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.Ed25519KeyGenerationParameters;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;
import org.bouncycastle.crypto.util.OpenSSHPrivateKeyUtil;
import org.bouncycastle.crypto.util.OpenSSHPublicKeyUtil;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.jcajce.provider.asymmetric.util.PrimeCertaintyCalculator;

/**
 * Generates git SSH key pairs in the formats Coder's {@code coderd/gitsshkey} produces.
 *
 * <ul>
 *   <li>{@code ed25519}: {@code OPENSSH PRIVATE KEY} (openssh-key-v1, unencrypted, empty comment);
 *   <li>{@code ecdsa}: P-256, {@code EC PRIVATE KEY} (SEC 1, with the named curve and the public key);
 *   <li>{@code rsa4096}: 4096 bits, exponent 65537, {@code RSA PRIVATE KEY} (PKCS#1).
 * </ul>
 *
 * The public key is an authorized_keys line without a comment, ending in {@code "\n"}.
 *
 * <p>Only BouncyCastle's lightweight API is used, no JCA provider: nothing to register with {@code Security}
 * and no provider lookups by reflection in the native image.
 *
 * <p>Every key pair draws from a {@link SecureRandom} created for that call. A SecureRandom held in a static
 * field could be created, and seeded, while the native image is built, and every process started from that
 * image would then produce the same keys; one per call is seeded at run time from the operating system, and
 * costs nothing next to the key generation itself (key pairs are made at user creation and on regenerate only).
 */
@ApplicationScoped
// Created at start so that an invalid algorithm stops the start, not the first user creation: an unused bean
// would be removed from the build, and with it the only reader of its configuration.
@Startup
public class SshKeyGenerator {

    private static final int RSA_BITS = 4096;
    private static final BigInteger RSA_PUBLIC_EXPONENT = BigInteger.valueOf(65537);

    // Named, so that the SEC 1 encoding carries the curve OID (as Go's x509.MarshalECPrivateKey does) and
    // BouncyCastle can name the curve "nistp256" in the SSH public key. Public constants only: safe to build
    // into the image.
    private static final ECNamedDomainParameters P256 = new ECNamedDomainParameters(
            SECObjectIdentifiers.secp256r1, CustomNamedCurves.getByOID(SECObjectIdentifiers.secp256r1));

    private final SshKeyAlgorithm algorithm;

    /** The deployment's generator; the algorithm was validated when the configuration was read at start-up. */
    @Inject
    public SshKeyGenerator(SshKeyConfig config) {
        this(config.algorithm());
    }

    /** A generator for the given algorithm, outside CDI. */
    public SshKeyGenerator(SshKeyAlgorithm algorithm) {
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
    }

    /** The algorithm {@link #generate()} uses. */
    public SshKeyAlgorithm algorithm() {
        return algorithm;
    }

    /** Generates a key pair with the configured algorithm. */
    public GeneratedSshKey generate() {
        return generate(algorithm);
    }

    /** Generates a key pair with the given algorithm. */
    public GeneratedSshKey generate(SshKeyAlgorithm algorithm) {
        SecureRandom random = new SecureRandom();
        try {
            return switch (algorithm) {
                case ED25519 -> ed25519(random);
                case ECDSA -> ecdsa(random);
                case RSA4096 -> rsa4096(random);
            };
        } catch (IOException e) {
            // Encoding to memory: only a BouncyCastle defect gets here.
            throw new IllegalStateException("Cannot encode the generated " + algorithm.configValue() + " key.", e);
        }
    }

    private static GeneratedSshKey ed25519(SecureRandom random) throws IOException {
        Ed25519KeyPairGenerator generator = new Ed25519KeyPairGenerator();
        generator.init(new Ed25519KeyGenerationParameters(random));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        // openssh-key-v1 with cipher and KDF "none" and an empty comment. Its two "check" integers come from
        // BouncyCastle's own per-thread SecureRandom; they only detect a wrong passphrase, which an
        // unencrypted key does not have.
        byte[] openssh = OpenSSHPrivateKeyUtil.encodePrivateKey(pair.getPrivate());
        return new GeneratedSshKey(
                pem("OPENSSH PRIVATE KEY", openssh), authorizedKey(SshKeyAlgorithm.ED25519, pair.getPublic()));
    }

    private static GeneratedSshKey ecdsa(SecureRandom random) throws IOException {
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(P256, random));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        // Not OpenSSHPrivateKeyUtil: for EC keys it writes openssh-key-v1, where Coder stores SEC 1.
        return new GeneratedSshKey(
                pem("EC PRIVATE KEY", innerPrivateKey(pair.getPrivate())),
                authorizedKey(SshKeyAlgorithm.ECDSA, pair.getPublic()));
    }

    private static GeneratedSshKey rsa4096(SecureRandom random) throws IOException {
        RSAKeyPairGenerator generator = new RSAKeyPairGenerator();
        // The prime certainty BouncyCastle's JCA RSA generator uses for this size.
        generator.init(new RSAKeyGenerationParameters(
                RSA_PUBLIC_EXPONENT, random, RSA_BITS, PrimeCertaintyCalculator.getDefaultCertainty(RSA_BITS)));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        return new GeneratedSshKey(
                pem("RSA PRIVATE KEY", innerPrivateKey(pair.getPrivate())),
                authorizedKey(SshKeyAlgorithm.RSA4096, pair.getPublic()));
    }

    /** The algorithm-specific structure inside PKCS#8: SEC 1 ECPrivateKey, PKCS#1 RSAPrivateKey. */
    private static byte[] innerPrivateKey(AsymmetricKeyParameter privateKey) throws IOException {
        return PrivateKeyInfoFactory.createPrivateKeyInfo(privateKey)
                .parsePrivateKey()
                .toASN1Primitive()
                .getEncoded(ASN1Encoding.DER);
    }

    private static String authorizedKey(SshKeyAlgorithm algorithm, AsymmetricKeyParameter publicKey)
            throws IOException {
        byte[] blob = OpenSSHPublicKeyUtil.encodePublicKey(publicKey);
        return algorithm.sshKeyType() + " " + Base64.getEncoder().encodeToString(blob) + "\n";
    }

    /**
     * PEM as Go's {@code encoding/pem} writes it: 64-character lines, LF only. Not BouncyCastle's
     * {@code PemWriter}, which ends lines with the platform separator.
     */
    private static String pem(String type, byte[] der) {
        String body = new String(Base64.getMimeEncoder(64, new byte[] {'\n'}).encode(der), StandardCharsets.US_ASCII);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
