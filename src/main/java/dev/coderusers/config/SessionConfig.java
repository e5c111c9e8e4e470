package dev.coderusers.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Sessions and API tokens; defaults are Coder's (codersdk/deployment.go). */
@ConfigMapping(prefix = "coder-users.session")
public interface SessionConfig {

    /** Lifetime of a session created by a login (password, GitHub, OpenID Connect). */
    @WithDefault("24h")
    Duration duration();

    /** Lifetime of keys made by {@code POST /users/{user}/keys} and of tokens created without a lifetime. */
    @WithDefault("7d")
    Duration defaultTokenLifetime();

    /** Longest lifetime a user may ask for a token (Coder: 100 years and 25 days). */
    @WithDefault("876600h")
    Duration maxTokenLifetime();

    /** Longest lifetime of a token whose user has the owner role (Coder: 7 days). */
    @WithDefault("168h")
    Duration maxAdminTokenLifetime();

    /** When true, a key's expiry is not pushed forward as it is used. */
    @WithDefault("false")
    boolean disableExpiryRefresh();

    /** Mark the session cookie {@code Secure} (set when serving over HTTPS). */
    @WithDefault("false")
    boolean secureCookie();

    /** The URL users reach this service at; used in {@code WWW-Authenticate} resource metadata. */
    Optional<String> accessUrl();
}
