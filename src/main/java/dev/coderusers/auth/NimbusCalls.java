package dev.coderusers.auth;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import net.minidev.json.JSONObject;

/**
 * Sends OAuth2 requests built with the Nimbus SDK and reads their answers. The answers are read leniently,
 * because GitHub reports token errors with status 200 and an {@code error} member, where the SDK's parsers
 * expect 400.
 */
final class NimbusCalls {

    private NimbusCalls() {}

    static HTTPResponse send(HTTPRequest request, Duration timeout) throws OAuthProviderException {
        request.setAccept("application/json");
        request.setConnectTimeout((int) timeout.toMillis());
        request.setReadTimeout((int) timeout.toMillis());
        try {
            return request.send();
        } catch (IOException e) {
            throw new OAuthProviderException(request.getMethod() + " " + request.getURI() + ": " + e.getMessage(), e);
        }
    }

    /** A token endpoint's answer: the tokens, and the other members (OpenID Connect's {@code id_token}). */
    static AccessTokenResponse tokenResponse(HTTPResponse response) throws OAuthProviderException {
        JSONObject body = successBody(response, "token endpoint");
        try {
            return AccessTokenResponse.parse(body);
        } catch (ParseException e) {
            throw new OAuthProviderException("the token endpoint's answer has no usable token: " + e.getMessage(), e);
        }
    }

    /** The tokens of a token endpoint's answer received at {@code now} (their expiry counts from then). */
    static OAuthTokens tokens(HTTPResponse response, Instant now) throws OAuthProviderException {
        return tokensOf(tokenResponse(response), now);
    }

    static OAuthTokens tokensOf(AccessTokenResponse response, Instant now) {
        Tokens tokens = response.getTokens();
        long lifetime = tokens.getAccessToken().getLifetime();
        return new OAuthTokens(
                tokens.getAccessToken().getValue(),
                tokens.getRefreshToken() == null ? "" : tokens.getRefreshToken().getValue(),
                lifetime > 0 ? now.plusSeconds(lifetime) : null);
    }

    static DeviceAuthorizationSuccessResponse deviceAuthorization(HTTPResponse response) throws OAuthProviderException {
        JSONObject body = successBody(response, "device authorization endpoint");
        try {
            return DeviceAuthorizationSuccessResponse.parse(body);
        } catch (ParseException e) {
            throw new OAuthProviderException(
                    "the device authorization endpoint's answer is incomplete: " + e.getMessage(), e);
        }
    }

    /** The JSON object of a successful answer; an OAuth error member or a failure status is an exception. */
    static JSONObject successBody(HTTPResponse response, String endpoint) throws OAuthProviderException {
        JSONObject body;
        try {
            body = JSONObjectUtils.parse(response.getBody() == null ? "" : response.getBody());
        } catch (ParseException e) {
            throw new OAuthProviderException(
                    "the " + endpoint + " answered " + response.getStatusCode() + " without a JSON object", e);
        }
        Object error = body.get("error");
        if (error instanceof String code && !code.isEmpty()) {
            Object description = body.get("error_description");
            throw OAuthProviderException.oauthError(code, description instanceof String d ? d : null);
        }
        if (response.getStatusCode() != 200) {
            throw new OAuthProviderException("the " + endpoint + " answered " + response.getStatusCode(), null);
        }
        return body;
    }
}
