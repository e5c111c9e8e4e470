package dev.coderusers.user;

import dev.coderusers.testsupport.SmtpServer;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** The mailer delivers to a real SMTP server in the test's process; passcodes live 2 minutes. */
public class PasswordResetProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("coder-users.password-reset.passcode-lifetime", "2m");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(SmtpServer.class));
    }
}
