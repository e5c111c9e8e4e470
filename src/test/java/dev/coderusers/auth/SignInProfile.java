package dev.coderusers.auth;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** GitHub (authorization-code flow) and OpenID Connect configured against the loopback doubles. */
public class SignInProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        // These tests sign in far more often than the 60 a minute a client gets.
        return Map.of("coder-users.auth.login-rate-limit-per-minute", "100000");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(GithubDouble.class), new TestResourceEntry(OidcProviderDouble.class));
    }
}
