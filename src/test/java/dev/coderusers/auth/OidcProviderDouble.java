package dev.coderusers.auth;

import com.nimbusds.jose.util.Base64URL;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import no.nav.security.mock.oauth2.http.Route;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import okhttp3.Headers;

/**
 * A real OpenID Connect provider on loopback ({@code mock-oauth2-server}): discovery, authorization
 * endpoint (answers at once with a code), token endpoint with PKCE checks, JWKS and userinfo. Tests choose
 * who signs in next, and may replace the next token answer (to hand the service a forged or expired ID
 * token).
 */
public class OidcProviderDouble implements QuarkusTestResourceLifecycleManager {

    static final String ISSUER_ID = "idp";
    static final String CLIENT_ID = "coder-client";

    private static MockOAuth2Server server;
    private static final AtomicReference<String> NEXT_TOKEN_ANSWER = new AtomicReference<>();

    /** Answers the next token request with a prepared body instead of the provider's own. */
    private static final class TokenAnswerOverride implements Route {
        @Override
        public boolean match(OAuth2HttpRequest request) {
            return NEXT_TOKEN_ANSWER.get() != null
                    && "POST".equals(request.getMethod())
                    && request.getUrl().encodedPath().endsWith("/token");
        }

        @Override
        public OAuth2HttpResponse invoke(OAuth2HttpRequest request) {
            return new OAuth2HttpResponse(
                    Headers.of("Content-Type", "application/json;charset=UTF-8"),
                    200,
                    NEXT_TOKEN_ANSWER.getAndSet(null),
                    null);
        }
    }

    @Override
    public Map<String, String> start() {
        server = new MockOAuth2Server(new TokenAnswerOverride());
        server.start();
        Map<String, String> config = new LinkedHashMap<>();
        config.put("coder-users.oidc.issuer-url", issuer());
        config.put("coder-users.oidc.client-id", CLIENT_ID);
        config.put("coder-users.oidc.client-secret", "oidc-secret");
        config.put("coder-users.oidc.pkce", "true");
        config.put("coder-users.oidc.email-domain", "example.com,@example.org");
        config.put("coder-users.oidc.sign-in-text", "Sign in with the test IdP");
        config.put("coder-users.oidc.icon-url", "/icon/idp.svg");
        return config;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.shutdown();
            server = null;
        }
    }

    static String issuer() {
        return server.issuerUrl(ISSUER_ID).toString();
    }

    /** The next code exchange issues tokens for this subject with these claims. */
    static void nextSignIn(String subject, Map<String, Object> claims) {
        server.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", null, claims, 3600));
    }

    /** The next code exchange answers with this ID token (and a genuine access token). */
    static void nextIdToken(String idToken) {
        String accessToken = idToken("access-subject", Map.of(), 3600);
        NEXT_TOKEN_ANSWER.set("{\"access_token\":\"" + accessToken + "\",\"token_type\":\"Bearer\","
                + "\"expires_in\":3600,\"id_token\":\"" + idToken + "\"}");
    }

    /** An ID token signed by the provider for this client. */
    static String idToken(String subject, Map<String, Object> claims, long expirySeconds) {
        return server.issueToken(
                        ISSUER_ID,
                        CLIENT_ID,
                        new DefaultOAuth2TokenCallback(
                                ISSUER_ID, subject, "JWT", List.of(CLIENT_ID), claims, expirySeconds))
                .serialize();
    }

    /** A genuine token whose payload was rewritten after signing: its signature no longer matches. */
    static String tampered(String token, String from, String to) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64URL.from(parts[1]).decode(), StandardCharsets.UTF_8).replace(from, to);
        return parts[0] + "." + Base64URL.encode(payload) + "." + parts[2];
    }
}
