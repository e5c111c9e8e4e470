package dev.coderusers.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Password reset by one-time passcode. The passcode goes out by email through the SMTP server of the
 * {@code quarkus.mailer.*} settings; without {@code quarkus.mailer.from} no email is sent.
 */
@ConfigMapping(prefix = "coder-users.password-reset")
public interface PasswordResetConfig {

    /** How long a passcode sent by {@code POST /users/otp/request} is accepted. */
    @WithDefault("20m")
    Duration passcodeLifetime();
}
