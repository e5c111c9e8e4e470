package dev.coderusers.auth;

import dev.coderusers.config.GithubOAuthConfig;
import dev.coderusers.config.OidcConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Which external sign-in methods are configured. */
@ApplicationScoped
public class IdentityProviders {

    private final GithubOAuthConfig github;
    private final OidcConfig oidc;

    public IdentityProviders(GithubOAuthConfig github, OidcConfig oidc) {
        this.github = github;
        this.oidc = oidc;
    }

    public boolean githubConfigured() {
        return github.clientId().filter(id -> !id.isBlank()).isPresent();
    }

    public boolean oidcConfigured() {
        return oidc.issuerUrl().filter(u -> !u.isBlank()).isPresent()
                && oidc.clientId().filter(id -> !id.isBlank()).isPresent();
    }

    public String oidcSignInText() {
        return oidc.signInText();
    }

    public String oidcIconUrl() {
        return oidc.iconUrl().orElse("");
    }

    /**
     * The deployment's text for refused sign-ups; Coder takes it from its OIDC settings for every provider.
     */
    public Optional<String> signupsDisabledText() {
        return oidc.signupsDisabledText().filter(text -> !text.isBlank());
    }
}
