package dev.coderusers.security;

import dev.coderusers.api.ApiError;
import dev.coderusers.api.ApiException;
import java.util.Map;

/**
 * A 401 from authentication, with Coder's body and {@code WWW-Authenticate} header. The header's
 * {@code resource_metadata} is filled in by {@link SessionAuthenticationFilter}, which knows the URL.
 */
public class UnauthenticatedException extends RuntimeException {

    public static final String SIGNED_OUT =
            "You are signed out or your session has expired. Please sign in again to continue.";

    private final String message;
    private final String detail;
    private final String description;

    private UnauthenticatedException(String message, String detail, String description) {
        super(message, null, false, false);
        this.message = message;
        this.detail = detail;
        this.description = description;
    }

    /** The standard "signed out" 401 with a detail saying what was wrong with the token. */
    public static UnauthenticatedException signedOut(String detail) {
        // Coder derives the description from the message, which contains "expired" for every signed-out
        // answer, whatever the detail says; kept for compatibility.
        return new UnauthenticatedException(SIGNED_OUT, detail, "The access token has expired");
    }

    /** The 401 for a user whose account is not active (suspended). */
    public static UnauthenticatedException inactive(String status) {
        return new UnauthenticatedException(
                "User is not active (status = \"" + status + "\"). Contact an admin to reactivate your account.",
                null,
                "The access token is invalid");
    }

    /** The API error, with the {@code WWW-Authenticate} header Coder sends. */
    public ApiException toApiException(String resourceMetadataUrl) {
        String challenge = "Bearer realm=\"coder\", error=\"invalid_token\", error_description=\"" + description
                + "\", resource_metadata=\"" + resourceMetadataUrl + "\"";
        return new ApiException(401, ApiError.of(message, detail), Map.of("WWW-Authenticate", challenge));
    }
}
