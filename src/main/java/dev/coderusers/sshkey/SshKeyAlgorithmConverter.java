package dev.coderusers.sshkey;

import org.eclipse.microprofile.config.spi.Converter;

/**
 * Reads {@link SshKeyAlgorithm} from configuration with {@link SshKeyAlgorithm#parse}, so that an invalid value
 * fails start-up with a message listing the valid ones instead of SmallRye's generic enum error.
 */
public class SshKeyAlgorithmConverter implements Converter<SshKeyAlgorithm> {

    @Override
    public SshKeyAlgorithm convert(String value) {
        return SshKeyAlgorithm.parse(value);
    }
}
