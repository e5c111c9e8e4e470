package dev.coderusers.auth;

import dev.coderusers.config.OidcConfig;
import dev.coderusers.user.OidcSignInAvailability;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Which external sign-in methods are configured, as the settings checked at start decided it. */
@ApplicationScoped
public class IdentityProviders implements OidcSignInAvailability {

    private final GithubSettings github;
    private final OidcSettings oidcSettings;
    private final OidcConfig oidc;

    public IdentityProviders(GithubSettings github, OidcSettings oidcSettings, OidcConfig oidc) {
        this.github = github;
        this.oidcSettings = oidcSettings;
        this.oidc = oidc;
    }

    public boolean githubConfigured() {
        return github.configured();
    }

    @Override
    public boolean oidcConfigured() {
        return oidcSettings.configured();
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
