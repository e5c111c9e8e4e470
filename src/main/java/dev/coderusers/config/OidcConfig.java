package dev.coderusers.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/**
 * Sign-in with an OpenID Connect provider, as Coder's {@code --oidc-*} options. Unset issuer or client id:
 * OIDC sign-in is off. The settings are checked at start (see {@code dev.coderusers.auth.OidcSettings}).
 */
@ConfigMapping(prefix = "coder-users.oidc")
public interface OidcConfig {

    /** Issuer URL; its discovery document ({@code /.well-known/openid-configuration}) is read at the first sign-in. */
    Optional<String> issuerUrl();

    /** Client id registered at the provider. */
    Optional<String> clientId();

    /** Client secret (from a Secret, never in plain configuration files). */
    Optional<String> clientSecret();

    /** Scopes requested from the provider. */
    @WithDefault("openid,profile,email")
    List<String> scopes();

    /** Send a PKCE (S256) challenge with the authorization request; turn on when the provider supports it. */
    @WithDefault("false")
    boolean pkce();

    /** Extra parameters of the authorization URL, as a JSON object of strings. */
    @WithDefault("{\"access_type\":\"offline\"}")
    String authUrlParams();

    /** Claim holding the user's email; when absent, a username claim that is an email address is used. */
    @WithDefault("email")
    String emailField();

    /** Claim holding the username; an invalid one is derived into a valid one. */
    @WithDefault("preferred_username")
    String usernameField();

    /** Claim holding the user's display name. */
    @WithDefault("name")
    String nameField();

    /** Email domains users must belong to (e.g. {@code example.com}); unset: any domain. */
    Optional<List<String>> emailDomain();

    /** Accept users whose provider says {@code email_verified: false}. */
    @WithDefault("false")
    boolean ignoreEmailVerified();

    /** Use only the ID token's claims, without calling the provider's userinfo endpoint. */
    @WithDefault("false")
    boolean ignoreUserInfo();

    /** Whether people without an account may sign up (the very first user always may, and becomes owner). */
    @WithDefault("true")
    boolean allowSignups();

    /** Detail of the answer to a refused sign-up (Coder shows it on its error page). */
    Optional<String> signupsDisabledText();

    /** Text of the sign-in button, as {@code GET /users/authmethods} reports it. */
    @WithDefault("OpenID Connect")
    String signInText();

    /** Icon of the sign-in button. */
    Optional<String> iconUrl();
}
