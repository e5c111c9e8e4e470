package dev.coderusers.auth;

/**
 * A call to an identity provider failed: it was unreachable, answered something unreadable, or answered
 * with an OAuth error.
 */
class OAuthProviderException extends Exception {

    private final String errorCode;

    /** A failure without an OAuth error code (transport, unexpected status or body). */
    OAuthProviderException(String message, Throwable cause) {
        super(message, cause);
        this.errorCode = null;
    }

    /** The provider's OAuth error ({@code error}, {@code error_description}). */
    static OAuthProviderException oauthError(String code, String description) {
        String message = description == null || description.isBlank() ? code : code + ": " + description;
        return new OAuthProviderException(message, code);
    }

    private OAuthProviderException(String message, String errorCode) {
        super(message);
        this.errorCode = errorCode;
    }

    /** The OAuth error code ({@code invalid_grant}, {@code authorization_pending}, …), or null. */
    String errorCode() {
        return errorCode;
    }
}
