package dev.coderusers.user;

/**
 * Whether OIDC sign-in is configured, which decides whether a user may be created with login type {@code oidc}.
 * Implemented by {@code auth}, which owns the providers' settings and depends on {@code user}.
 */
public interface OidcSignInAvailability {

    boolean oidcConfigured();
}
