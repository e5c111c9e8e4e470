package dev.coderusers.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Sign-in options that are not tied to an external identity provider. */
@ConfigMapping(prefix = "coder-users.auth")
public interface AuthConfig {

    /** Turn off password sign-in and the creation of password users. */
    @WithDefault("false")
    boolean disablePasswordAuth();

    /** Shown by {@code GET /users/authmethods} so clients can link the terms of service. */
    Optional<String> termsOfServiceUrl();

    /** Requests per minute allowed on each sign-in endpoint, per user or client IP (Coder: 60). */
    @WithDefault("60")
    int loginRateLimitPerMinute();
}
