package dev.coderusers.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The README says what the sign-in cookie does: it lives a year, as Coder's, while the session behind it lasts
 * 24 hours and is extended as it is used (a cookie that expired with the first 24 hours would sign out users
 * whose session is still valid). It used to promise a 24-hour cookie.
 */
class SessionCookieDocumentationTest {

    @Test
    void theReadmeStatesTheCookieLifetimeTheCodeSets() throws IOException {
        assertThat(Duration.ofSeconds(SignInCookies.SESSION_MAX_AGE_SECONDS)).isEqualTo(Duration.ofDays(365));
        String login = Files.readAllLines(Path.of("README.md")).stream()
                .filter(line -> line.startsWith("| `POST /users/login` |"))
                .findFirst()
                .orElseThrow();
        assertThat(login).contains("cookie, which lives a year as Coder's does").doesNotContain("cookie (24 h)");
    }
}
