package dev.coderusers.config;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** Sign-in with GitHub (OAuth2). Unset client id: GitHub sign-in is off. */
@ConfigMapping(prefix = "coder-users.oauth2.github")
public interface GithubOAuthConfig {

    /** OAuth app client id; setting it (with the secret) turns GitHub sign-in on. */
    Optional<String> clientId();

    /** OAuth app client secret (from a Secret, never in plain configuration files). */
    Optional<String> clientSecret();
}
