package dev.coderusers.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Sign-in with an OpenID Connect provider. Unset issuer or client id: OIDC sign-in is off. */
@ConfigMapping(prefix = "coder-users.oidc")
public interface OidcConfig {

    /** Issuer URL; its discovery document ({@code /.well-known/openid-configuration}) is read at sign-in. */
    Optional<String> issuerUrl();

    /** Client id registered at the provider. */
    Optional<String> clientId();

    /** Client secret (from a Secret, never in plain configuration files). */
    Optional<String> clientSecret();

    /** Text of the sign-in button, as {@code GET /users/authmethods} reports it. */
    @WithDefault("OpenID Connect")
    String signInText();

    /** Icon of the sign-in button. */
    Optional<String> iconUrl();
}
