package dev.coderusers.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import dev.coderusers.config.OidcConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** ID token validation against a real OpenID Connect server on loopback, without the application. */
class OidcProviderTest {

    static final String ISSUER_ID = "coder";
    static final String CLIENT_ID = "coder-client";

    static MockOAuth2Server server;

    @BeforeAll
    static void start() throws IOException {
        server = new MockOAuth2Server();
        server.start();
    }

    @AfterAll
    static void stop() throws IOException {
        server.shutdown();
    }

    /** OidcConfig with this test's provider and Coder's defaults elsewhere. */
    record Config(String issuer, String authUrlParams) implements OidcConfig {
        @Override
        public Optional<String> issuerUrl() {
            return Optional.of(issuer);
        }

        @Override
        public Optional<String> clientId() {
            return Optional.of(CLIENT_ID);
        }

        @Override
        public Optional<String> clientSecret() {
            return Optional.of("secret");
        }

        @Override
        public List<String> scopes() {
            return List.of("openid", "profile", "email");
        }

        @Override
        public boolean pkce() {
            return true;
        }

        @Override
        public String emailField() {
            return "email";
        }

        @Override
        public String usernameField() {
            return "preferred_username";
        }

        @Override
        public String nameField() {
            return "name";
        }

        @Override
        public Optional<List<String>> emailDomain() {
            return Optional.empty();
        }

        @Override
        public boolean ignoreEmailVerified() {
            return false;
        }

        @Override
        public boolean ignoreUserInfo() {
            return false;
        }

        @Override
        public boolean allowSignups() {
            return true;
        }

        @Override
        public Optional<String> signupsDisabledText() {
            return Optional.empty();
        }

        @Override
        public String signInText() {
            return "OpenID Connect";
        }

        @Override
        public Optional<String> iconUrl() {
            return Optional.empty();
        }
    }

    private static OidcProvider provider() {
        return new OidcProvider(
                new OidcSettings(new Config(
                        server.issuerUrl(ISSUER_ID).toString(), "{\"access_type\":\"offline\",\"prompt\":\"login\"}")),
                Clock.systemUTC());
    }

    private static String idToken(String issuerId, List<String> audience, long expirySeconds) {
        return server.issueToken(
                        issuerId,
                        CLIENT_ID,
                        new DefaultOAuth2TokenCallback(
                                issuerId,
                                "subject-1",
                                "JWT",
                                audience,
                                Map.of("email", "ada@example.com"),
                                expirySeconds))
                .serialize();
    }

    @Test
    void aGenuineIdTokenYieldsItsClaims() throws Exception {
        Map<String, Object> claims = provider().verifyIdToken(idToken(ISSUER_ID, List.of(CLIENT_ID), 3600));
        assertThat(claims)
                .containsEntry("sub", "subject-1")
                .containsEntry("email", "ada@example.com")
                .containsEntry("iss", server.issuerUrl(ISSUER_ID).toString());
    }

    @Test
    void aTokenWhosePayloadWasChangedAfterSigningIsRefused() {
        String[] parts = idToken(ISSUER_ID, List.of(CLIENT_ID), 3600).split("\\.");
        String payload = new String(Base64URL.from(parts[1]).decode(), StandardCharsets.UTF_8)
                .replace("ada@example.com", "admin@example.com");
        String tampered = parts[0] + "." + Base64URL.encode(payload) + "." + parts[2];
        assertThatThrownBy(() -> provider().verifyIdToken(tampered))
                .isInstanceOf(OAuthProviderException.class)
                .hasMessageContaining("signature");
    }

    @Test
    void anExpiredTokenIsRefused() {
        assertThatThrownBy(() -> provider().verifyIdToken(idToken(ISSUER_ID, List.of(CLIENT_ID), -3600)))
                .isInstanceOf(OAuthProviderException.class)
                .hasMessageContaining("Expired");
    }

    @Test
    void aTokenForAnotherClientIsRefused() {
        assertThatThrownBy(() -> provider().verifyIdToken(idToken(ISSUER_ID, List.of("someone-else"), 3600)))
                .isInstanceOf(OAuthProviderException.class)
                .hasMessageContaining("audience");
    }

    @Test
    void aTokenOfAnotherIssuerIsRefused() {
        // Signed with the other issuer's key, which this provider's JWKS does not hold.
        assertThatThrownBy(() -> provider().verifyIdToken(idToken("elsewhere", List.of(CLIENT_ID), 3600)))
                .isInstanceOf(OAuthProviderException.class);
    }

    @Test
    void anUnsignedTokenIsRefused() {
        String unsigned = new PlainJWT(new JWTClaimsSet.Builder()
                        .issuer(server.issuerUrl(ISSUER_ID).toString())
                        .subject("subject-1")
                        .audience(CLIENT_ID)
                        .build())
                .serialize();
        assertThatThrownBy(() -> provider().verifyIdToken(unsigned)).isInstanceOf(OAuthProviderException.class);
    }

    @Test
    void theAuthorizationUrlCarriesStatePkceAndTheConfiguredParameters() throws Exception {
        CodeVerifier verifier = new CodeVerifier();
        URI url = URI.create(provider()
                .authorizationUrl(
                        "state-1", verifier, URI.create("https://coder.example.com/api/v2/users/oidc/callback")));
        assertThat(url.getPath()).isEqualTo("/" + ISSUER_ID + "/authorize");
        assertThat(url.getRawQuery())
                .contains("state=state-1")
                .contains("client_id=" + CLIENT_ID)
                .contains("response_type=code")
                .contains("code_challenge_method=S256")
                .contains("access_type=offline")
                .contains("prompt=login")
                .contains("redirect_uri=https%3A%2F%2Fcoder.example.com%2Fapi%2Fv2%2Fusers%2Foidc%2Fcallback");
    }

    @Test
    void badAuthUrlParamsStopTheStart() {
        assertThatThrownBy(() -> new OidcSettings(new Config("https://idp.example.com", "{\"max_age\":5}")))
                .hasMessageContaining("coder-users.oidc.auth-url-params must be a JSON object of strings");
        assertThatThrownBy(() -> new OidcSettings(new Config("https://idp.example.com", "[1]")))
                .hasMessageContaining("coder-users.oidc.auth-url-params");
    }
}
