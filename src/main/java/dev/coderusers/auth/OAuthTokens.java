package dev.coderusers.auth;

import dev.coderusers.api.CoderJson;
import java.time.Instant;

/**
 * The tokens a provider issued at sign-in, kept on the user's link.
 *
 * @param expiry when the access token expires; Go's zero time when it does not (as Coder stores it)
 */
record OAuthTokens(String accessToken, String refreshToken, Instant expiry) {

    OAuthTokens {
        refreshToken = refreshToken == null ? "" : refreshToken;
        expiry = expiry == null ? CoderJson.ZERO_TIME : expiry;
    }
}
