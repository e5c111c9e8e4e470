package dev.coderusers.sshkey;

/**
 * A freshly generated git SSH key pair, in the text forms Coder stores in {@code gitsshkeys}.
 *
 * @param privateKeyPem the private key as PEM; never returned by the API
 * @param publicKey the OpenSSH authorized_keys line, without a comment and ending in {@code "\n"}
 */
public record GeneratedSshKey(String privateKeyPem, String publicKey) {

    /** Keeps the private key out of logs and exception messages. */
    @Override
    public String toString() {
        return "GeneratedSshKey[publicKey=" + publicKey.strip() + "]";
    }
}
