package dev.coderusers.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/**
 * Sign-in with GitHub (OAuth2), as Coder's {@code --oauth2-github-*} options. Unset client id: GitHub sign-in
 * is off. The settings are checked at start (see {@code dev.coderusers.auth.GithubSettings}).
 */
@ConfigMapping(prefix = "coder-users.oauth2.github")
public interface GithubOAuthConfig {

    /** OAuth app client id; setting it turns GitHub sign-in on. */
    Optional<String> clientId();

    /** OAuth app client secret (from a Secret, never in plain configuration files); not used by the device flow. */
    Optional<String> clientSecret();

    /** Organizations a user must be an active member of to sign in; required unless {@code allow-everyone}. */
    Optional<List<String>> allowedOrgs();

    /** Teams, as {@code <organization>/<team-slug>}, of which a user must be a member (any one of them). */
    Optional<List<String>> allowedTeams();

    /** Whether people without an account may sign up (the very first user always may, and becomes owner). */
    @WithDefault("false")
    boolean allowSignups();

    /** Let every GitHub user sign in; excludes {@code allowed-orgs} and {@code allowed-teams}. */
    @WithDefault("false")
    boolean allowEveryone();

    /** Sign in with GitHub's device flow (the callback then answers JSON instead of redirecting). */
    @WithDefault("false")
    boolean deviceFlow();

    /** Base URL of a GitHub Enterprise Server (e.g. {@code https://github.example.com}); unset: github.com. */
    Optional<String> enterpriseBaseUrl();
}
