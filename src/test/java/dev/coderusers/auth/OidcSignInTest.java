package dev.coderusers.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import dev.coderusers.apikey.ApiKey;
import dev.coderusers.testsupport.TestUsers;
import dev.coderusers.user.LoginType;
import dev.coderusers.user.User;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sign-in with OpenID Connect end to end: the service, a real OIDC provider on loopback, the database. */
@QuarkusTest
@TestProfile(SignInProfile.class)
class OidcSignInTest {

    static final String CALLBACK = "/api/v2/users/oidc/callback";

    @Inject
    TestUsers testUsers;

    @BeforeEach
    void reset() {
        testUsers.deleteAll();
    }

    /** Where the provider sends the browser back, and the cookies the first step set. */
    record Authorized(URI callback, String state, Map<String, String> cookies, URI authorizeUrl) {}

    /** Step 1 at the service, then the provider's authorization endpoint (which answers at once). */
    static Authorized authorize(String redirect) {
        Response start = given().redirects()
                .follow(false)
                .queryParam("redirect", redirect)
                .get(CALLBACK);
        start.then().statusCode(307);
        URI authorizeUrl = URI.create(start.header("Location"));
        Response provider =
                given().redirects().follow(false).urlEncodingEnabled(false).get(authorizeUrl);
        provider.then().statusCode(302);
        URI callback = URI.create(provider.header("Location"));
        return new Authorized(
                callback, GithubSignInTest.query(callback).get("state"), start.getCookies(), authorizeUrl);
    }

    static Response complete(Authorized authorized) {
        return complete(authorized, authorized.cookies());
    }

    static Response complete(Authorized authorized, Map<String, String> cookies) {
        return given().redirects()
                .follow(false)
                .urlEncodingEnabled(false)
                .cookies(cookies)
                .get(authorized.callback());
    }

    static Map<String, Object> claims(String email, String username) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("email", email);
        claims.put("email_verified", true);
        if (username != null) {
            claims.put("preferred_username", username);
        }
        claims.put("name", "Grace Hopper");
        claims.put("picture", "https://pictures.example.com/grace.png");
        return claims;
    }

    /** A whole sign-in as this subject; returns the final answer. */
    static Response signIn(String subject, Map<String, Object> claims, String redirect) {
        Authorized authorized = authorize(redirect);
        OidcProviderDouble.nextSignIn(subject, claims);
        return complete(authorized);
    }

    @Test
    void aNewUserSignsUpAndUsesTheSessionCookie() {
        testUsers.create("root", "owner");
        Authorized authorized = authorize("/templates");

        assertThat(authorized.authorizeUrl().toString()).startsWith(OidcProviderDouble.issuer() + "/authorize?");
        Map<String, String> params = GithubSignInTest.query(authorized.authorizeUrl());
        assertThat(params)
                .containsEntry("client_id", OidcProviderDouble.CLIENT_ID)
                .containsEntry("scope", "openid profile email")
                .containsEntry("code_challenge_method", "S256")
                .containsEntry("access_type", "offline");
        assertThat(authorized.cookies()).containsKeys("oauth_state", "oauth_redirect", "oauth_pkce_verifier");

        // The provider checks the PKCE verifier itself: a wrong one would fail the exchange.
        OidcProviderDouble.nextSignIn("subject-grace", claims("grace@example.com", "grace"));
        Response done = complete(authorized);
        done.then().statusCode(307).header("Location", "/templates");
        String session = done.getCookie("coder_session_token");

        given().cookie("coder_session_token", session)
                .get("/api/v2/users/me")
                .then()
                .statusCode(200)
                .body("username", equalTo("grace"))
                .body("email", equalTo("grace@example.com"))
                .body("name", equalTo("Grace Hopper"))
                .body("avatar_url", equalTo("https://pictures.example.com/grace.png"))
                .body("login_type", equalTo("oidc"))
                .body("roles", empty());
        given().cookie("coder_session_token", session)
                .get("/api/v2/users/oidc-claims")
                .then()
                .statusCode(200)
                .body("claims.sub", equalTo("subject-grace"))
                .body("claims.email", equalTo("grace@example.com"))
                .body("claims.iss", equalTo(OidcProviderDouble.issuer()))
                .body("claims.preferred_username", equalTo("grace"));

        QuarkusTransaction.requiringNew().run(() -> {
            User user = User.findByUsername("grace").orElseThrow();
            UserLink link = UserLink.findFor(user.id, LoginType.OIDC).orElseThrow();
            assertThat(link.linkedId).isEqualTo(OidcProviderDouble.issuer() + "||subject-grace");
            assertThat(link.oauthAccessToken).isNotEmpty();
            assertThat(link.oauthRefreshToken).isNotEmpty();
            assertThat(link.oauthExpiry).isAfter(java.time.Instant.now());
            assertThat(link.claims).contains("\"email\"").contains("grace@example.com");
            ApiKey key = ApiKey.findById(session.substring(0, 10));
            assertThat(key.loginType).isEqualTo(LoginType.OIDC);
        });
    }

    @Test
    void theFirstUserBecomesOwner() {
        signIn("subject-ada", claims("ada@example.org", "ada"), "/").then().statusCode(307);
        QuarkusTransaction.requiringNew()
                .run(() -> assertThat(User.findByUsername("ada").orElseThrow().rbacRoles)
                        .containsExactly("owner"));
    }

    @Test
    void theNextSignInIsLinkedBySubjectAndFollowsTheProvidersEmail() {
        String first =
                signIn("subject-ada", claims("ada@example.com", "ada"), "/").getCookie("coder_session_token");
        Map<String, Object> changed = claims("ada.lovelace@example.org", "someone-else");
        changed.put("name", "Ada Lovelace");
        String second = signIn("subject-ada", changed, "/").getCookie("coder_session_token");

        given().cookie("coder_session_token", second)
                .get("/api/v2/users/me")
                .then()
                .statusCode(200)
                .body("username", equalTo("ada"))
                .body("email", equalTo("ada.lovelace@example.org"))
                .body("name", equalTo("Ada Lovelace"));
        given().cookie("coder_session_token", first)
                .get("/api/v2/users/me")
                .then()
                .statusCode(200);
        QuarkusTransaction.requiringNew()
                .run(() -> assertThat(User.countHumans()).isEqualTo(1));
    }

    @Test
    void anUnverifiedEmailIsRefused() {
        Map<String, Object> claims = claims("mallory@example.com", "mallory");
        claims.put("email_verified", false);
        signIn("subject-mallory", claims, "/")
                .then()
                .statusCode(403)
                .body(
                        "message",
                        equalTo("Verify the \"mallory@example.com\" email address on your OIDC provider to"
                                + " authenticate!"));
        QuarkusTransaction.requiringNew()
                .run(() -> assertThat(User.countHumans()).isZero());
    }

    @Test
    void anEmailOutsideTheAllowedDomainsIsRefused() {
        signIn("subject-eve", claims("eve@example.net", "eve"), "/")
                .then()
                .statusCode(403)
                .body(
                        "message",
                        equalTo("Your email \"eve@example.net\" is not in domains [\"example.com\" \"example.org\"]!"));
        QuarkusTransaction.requiringNew()
                .run(() -> assertThat(User.countHumans()).isZero());
    }

    @Test
    void aUserWithAnotherLoginTypeIsRefused() {
        testUsers.create("frank", "owner");
        Response refused = signIn("subject-frank", claims("frank@example.com", "frank"), "/");
        assertThat(refused.getCookie("coder_session_token")).isNull();
        refused.then()
                .statusCode(403)
                .body("message", equalTo("Incorrect login type"))
                .body(
                        "detail",
                        equalTo("Attempting to use login type \"oidc\", but the user has the login type"
                                + " \"password\". You can convert your account to use this login type by"
                                + " visiting your account settings."));
    }

    @Test
    void aForgedOrExpiredIdTokenIsRefused() {
        String genuine = OidcProviderDouble.idToken("subject-ivan", claims("ivan@example.com", "ivan"), 3600);

        Authorized forged = authorize("/");
        OidcProviderDouble.nextIdToken(OidcProviderDouble.tampered(genuine, "ivan@example.com", "root@example.com"));
        complete(forged)
                .then()
                .statusCode(400)
                .body("message", equalTo("Failed to verify OIDC token."))
                .body("detail", containsString("signature"));

        Authorized expired = authorize("/");
        OidcProviderDouble.nextIdToken(
                OidcProviderDouble.idToken("subject-ivan", claims("ivan@example.com", "ivan"), -3600));
        complete(expired)
                .then()
                .statusCode(400)
                .body("message", equalTo("Failed to verify OIDC token."))
                .body("detail", containsString("Expired"));

        QuarkusTransaction.requiringNew()
                .run(() -> assertThat(User.countHumans()).isZero());
    }

    @Test
    void theCallbackNeedsItsStateAndPkceCookies() {
        Authorized authorized = authorize("/");
        Map<String, String> withoutVerifier = new HashMap<>(authorized.cookies());
        withoutVerifier.remove("oauth_pkce_verifier");
        complete(authorized, withoutVerifier)
                .then()
                .statusCode(400)
                .body("message", equalTo("PKCE challenge must be provided."));

        Map<String, String> otherState = new HashMap<>(authorized.cookies());
        otherState.put("oauth_state", "another-state");
        complete(authorized, otherState).then().statusCode(401).body("message", equalTo("State mismatched."));
    }

    @Test
    void theUsernameFallsBackToTheEmailAndAvoidsTakenNames() {
        testUsers.create("gracehopper", "owner");
        signIn("subject-grace", claims("grace.hopper@example.com", null), "/")
                .then()
                .statusCode(307);
        QuarkusTransaction.requiringNew()
                .run(() -> assertThat(
                                User.findByEmail("grace.hopper@example.com").orElseThrow().username)
                        .matches("gracehopper-[a-z]+[0-9]"));
    }

    @Test
    void theRedirectStaysOnThisSite() {
        signIn("subject-ada", claims("ada@example.com", "ada"), "https://evil.example.com/x?y=1")
                .then()
                .statusCode(307)
                .header("Location", "/x?y=1");
    }

    @Test
    void claimsAreOnlyForOidcUsersWithASession() {
        given().get("/api/v2/users/oidc-claims").then().statusCode(401);
        TestUsers.TestUser root = testUsers.create("root", "owner");
        given().header("Coder-Session-Token", root.token())
                .get("/api/v2/users/oidc-claims")
                .then()
                .statusCode(400)
                .body("message", equalTo("User is not an OIDC user."));
    }

    @Test
    void theProviderSeesOurCallbackAsRedirectUri() {
        Authorized authorized = authorize("/");
        assertThat(authorized.callback().getPath()).isEqualTo(CALLBACK);
        assertThat(GithubSignInTest.query(authorized.authorizeUrl()).get("redirect_uri"))
                .endsWith(CALLBACK)
                .contains("localhost");
        assertThat(GithubSignInTest.query(authorized.callback())).containsKey("code");
        assertThat(authorized.cookies().get("oauth_state")).isEqualTo(authorized.state());
    }
}
