package dev.coderusers.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.UserInfoErrorResponse;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.UserInfoSuccessResponse;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import dev.coderusers.api.CoderJson;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The OpenID Connect provider, through the Nimbus SDK: discovery (read at the first sign-in and kept), the
 * authorization URL, the code exchange, ID token validation (signature against the provider's JWKS, issuer,
 * audience, expiry, issue time) and the userinfo endpoint. Keys are cached and re-fetched when a token names
 * an unknown key, so the provider may rotate them.
 */
@ApplicationScoped
public class OidcProvider {

    static final Duration TIMEOUT = Duration.ofSeconds(15);

    /** A JWKS larger than this is refused (Nimbus' default is 50 KB; some providers publish many keys). */
    private static final int JWKS_SIZE_LIMIT = 1024 * 1024;

    private final OidcSettings settings;

    private volatile Discovered discovered;
    private final Clock clock;

    public OidcProvider(OidcSettings settings, Clock clock) {
        this.clock = clock;
        this.settings = settings;
    }

    /** What discovery yielded; the validators hold the cached key source. */
    private record Discovered(
            OIDCProviderMetadata metadata, JWSKeySelector<SecurityContext> keys, IDTokenValidator idTokens) {}

    /** The tokens of a code exchange; {@code idToken} is null when the provider sent none. */
    record ExchangedTokens(OAuthTokens tokens, String idToken) {}

    String authorizationUrl(String state, CodeVerifier verifier, URI callbackUri) throws OAuthProviderException {
        OIDCProviderMetadata metadata = discover().metadata();
        AuthorizationRequest.Builder request = new AuthorizationRequest.Builder(
                        ResponseType.CODE, new ClientID(settings.clientId()))
                .endpointURI(metadata.getAuthorizationEndpointURI())
                .redirectionURI(callbackUri)
                .scope(new Scope(settings.scopes().toArray(String[]::new)))
                .state(new State(state))
                // Coder always asks for offline access (a refresh token) and then adds the configured params.
                .customParameter("access_type", "offline");
        if (verifier != null) {
            request.codeChallenge(verifier, CodeChallengeMethod.S256);
        }
        settings.authUrlParams().forEach(request::customParameter);
        return request.build().toURI().toString();
    }

    ExchangedTokens exchange(String code, URI callbackUri, String pkceVerifier) throws OAuthProviderException {
        OIDCProviderMetadata metadata = discover().metadata();
        AuthorizationCodeGrant grant = new AuthorizationCodeGrant(
                new AuthorizationCode(code), callbackUri, pkceVerifier == null ? null : new CodeVerifier(pkceVerifier));
        TokenRequest request = settings.clientSecret().isEmpty()
                ? new TokenRequest.Builder(metadata.getTokenEndpointURI(), new ClientID(settings.clientId()), grant)
                        .build()
                : new TokenRequest.Builder(metadata.getTokenEndpointURI(), clientSecretAuthentication(metadata), grant)
                        .build();
        AccessTokenResponse response = NimbusCalls.tokenResponse(NimbusCalls.send(request.toHTTPRequest(), TIMEOUT));
        Object idToken = response.getCustomParameters().get("id_token");
        return new ExchangedTokens(
                NimbusCalls.tokensOf(response, CoderJson.now(clock)),
                idToken instanceof String value && !value.isEmpty() ? value : null);
    }

    /** Basic authentication unless the provider only supports the secret as a form parameter. */
    private ClientAuthentication clientSecretAuthentication(OIDCProviderMetadata metadata) {
        ClientID client = new ClientID(settings.clientId());
        Secret secret = new Secret(settings.clientSecret());
        List<ClientAuthenticationMethod> supported = metadata.getTokenEndpointAuthMethods();
        if (supported != null
                && !supported.contains(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                && supported.contains(ClientAuthenticationMethod.CLIENT_SECRET_POST)) {
            return new ClientSecretPost(client, secret);
        }
        return new ClientSecretBasic(client, secret);
    }

    /**
     * Validates an ID token and returns its claims.
     *
     * @throws OAuthProviderException when the token is malformed, not signed by one of the provider's keys, or
     *     its issuer, audience, expiry or issue time is wrong
     */
    Map<String, Object> verifyIdToken(String idToken) throws OAuthProviderException {
        IDTokenValidator validator = discover().idTokens();
        try {
            JWT jwt = JWTParser.parse(idToken);
            // No nonce is sent (as in Coder): state, and PKCE where configured, bind the code to this browser.
            validator.validate(jwt, null);
            return jwt.getJWTClaimsSet().toJSONObject();
        } catch (java.text.ParseException | BadJOSEException | JOSEException e) {
            throw new OAuthProviderException(e.getMessage(), e);
        }
    }

    /**
     * The userinfo claims, or an empty map when the provider has no userinfo endpoint. A signed userinfo
     * answer is verified like an ID token's signature.
     */
    Map<String, Object> userInfo(String accessToken) throws OAuthProviderException {
        Discovered provider = discover();
        URI endpoint = provider.metadata().getUserInfoEndpointURI();
        if (endpoint == null) {
            return Map.of();
        }
        UserInfoRequest request = new UserInfoRequest(endpoint, new BearerAccessToken(accessToken));
        try {
            UserInfoResponse response = UserInfoResponse.parse(NimbusCalls.send(request.toHTTPRequest(), TIMEOUT));
            if (!response.indicatesSuccess()) {
                UserInfoErrorResponse error = response.toErrorResponse();
                throw error.getErrorObject() == null || error.getErrorObject().getCode() == null
                        ? new OAuthProviderException("the userinfo endpoint refused the access token", null)
                        : OAuthProviderException.oauthError(
                                error.getErrorObject().getCode(),
                                error.getErrorObject().getDescription());
            }
            UserInfoSuccessResponse success = response.toSuccessResponse();
            if (success.getUserInfo() != null) {
                return success.getUserInfo().toJSONObject();
            }
            JWT jwt = success.getUserInfoJWT();
            if (!(jwt instanceof SignedJWT)) {
                throw new OAuthProviderException("the userinfo answer is a JWT that is not signed", null);
            }
            DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
            processor.setJWSKeySelector(provider.keys());
            return processor.process(jwt, null).toJSONObject();
        } catch (ParseException | BadJOSEException | JOSEException e) {
            throw new OAuthProviderException(e.getMessage(), e);
        }
    }

    private Discovered discover() throws OAuthProviderException {
        Discovered current = discovered;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (discovered == null) {
                discovered = fetchDiscovery();
            }
            return discovered;
        }
    }

    /** Reads the discovery document; Nimbus checks that it names the configured issuer. */
    private Discovered fetchDiscovery() throws OAuthProviderException {
        OIDCProviderMetadata metadata;
        try {
            metadata = OIDCProviderMetadata.resolve(
                    new Issuer(settings.issuer()), (int) TIMEOUT.toMillis(), (int) TIMEOUT.toMillis());
        } catch (GeneralException | IOException e) {
            throw new OAuthProviderException("OpenID Connect discovery failed: " + e.getMessage(), e);
        }
        JWKSource<SecurityContext> keys;
        try {
            keys = JWKSourceBuilder.<SecurityContext>create(
                            metadata.getJWKSetURI().toURL(),
                            new DefaultResourceRetriever(
                                    (int) TIMEOUT.toMillis(), (int) TIMEOUT.toMillis(), JWKS_SIZE_LIMIT))
                    .build();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new OAuthProviderException("the provider's jwks_uri is not a URL: " + e.getMessage(), e);
        }
        JWSKeySelector<SecurityContext> selector =
                new JWSVerificationKeySelector<>(signatureAlgorithms(metadata), keys);
        return new Discovered(
                metadata,
                selector,
                new IDTokenValidator(metadata.getIssuer(), new ClientID(settings.clientId()), selector, null));
    }

    /**
     * The public-key algorithms the provider signs ID tokens with. HMAC algorithms are left out: they would
     * be keyed with the client secret, which a JWKS never holds.
     */
    private static Set<JWSAlgorithm> signatureAlgorithms(OIDCProviderMetadata metadata) {
        Set<JWSAlgorithm> algorithms = new HashSet<>();
        if (metadata.getIDTokenJWSAlgs() != null) {
            for (JWSAlgorithm algorithm : metadata.getIDTokenJWSAlgs()) {
                if (JWSAlgorithm.Family.SIGNATURE.contains(algorithm)) {
                    algorithms.add(algorithm);
                }
            }
        }
        if (algorithms.isEmpty()) {
            // RS256 is the algorithm every OpenID Connect provider must support.
            algorithms.add(JWSAlgorithm.RS256);
        }
        return algorithms;
    }
}
