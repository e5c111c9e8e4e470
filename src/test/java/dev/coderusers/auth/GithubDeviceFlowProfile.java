package dev.coderusers.auth;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** GitHub sign-in with the device flow, against the loopback GitHub double. */
public class GithubDeviceFlowProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("coder-users.auth.login-rate-limit-per-minute", "100000");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(GithubDouble.class, Map.of("device-flow", "true")));
    }
}
