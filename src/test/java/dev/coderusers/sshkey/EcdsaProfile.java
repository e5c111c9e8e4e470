package dev.coderusers.sshkey;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The deployment configured for ECDSA git SSH keys. */
public class EcdsaProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("coder-users.git-ssh-key.algorithm", "ecdsa");
    }
}
