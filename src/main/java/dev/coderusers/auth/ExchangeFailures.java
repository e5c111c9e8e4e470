package dev.coderusers.auth;

import dev.coderusers.api.ApiError;
import dev.coderusers.api.ApiException;
import java.util.Set;

/**
 * Coder's answer when the code exchange fails: {@code "Failed exchanging Oauth code."} with the reason as
 * detail. Coder answers 500 except for {@code authorization_pending}; here every refusal that is about the
 * code the client brought (pending, expired, denied, invalid) is a 400, and only an unreachable or
 * misconfigured provider is a 500.
 */
final class ExchangeFailures {

    static final String MESSAGE = "Failed exchanging Oauth code.";

    private static final Set<String> CLIENT_SIDE = Set.of(
            "authorization_pending",
            "slow_down",
            "expired_token",
            "access_denied",
            "invalid_grant",
            // GitHub's own names for a wrong or used code.
            "bad_verification_code",
            "incorrect_device_code");

    private ExchangeFailures() {}

    /**
     * @param codeOnly detail is the bare OAuth error code (the device flow's client compares it with
     *     {@code authorization_pending})
     */
    static ApiException of(OAuthProviderException failure, boolean codeOnly) {
        String code = failure.errorCode();
        int status = code != null && CLIENT_SIDE.contains(code) ? 400 : 500;
        String detail = codeOnly && code != null ? code : failure.getMessage();
        return new ApiException(status, ApiError.of(MESSAGE, detail));
    }
}
