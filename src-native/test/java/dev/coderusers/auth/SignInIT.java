package dev.coderusers.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.coderusers.it.FreshDatabase;
import dev.coderusers.it.Readiness;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Sign-in with GitHub and with OpenID Connect against the packaged service, end to end: the service talks to a
 * GitHub double (WireMock) and a real OpenID Connect provider (mock-oauth2-server) on loopback, over HTTP, with
 * Nimbus doing discovery, the code exchange, JWKS and ID-token validation. In the native binary this is what
 * proves Nimbus' run-time initialisation (its SecureRandom-backed state and nonce, its HTTP client) and the JSON
 * mappings of the provider answers. The service's own end of each flow is the public API: the callback's
 * redirects and cookies, then the session they produce.
 */
@QuarkusIntegrationTest
@WithTestResource(value = FreshDatabase.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = GithubDouble.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = OidcProviderDouble.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignInIT {

    @BeforeEach
    void ready() {
        Readiness.awaitReady();
    }

    @Test
    void authMethodsShowBothProviders() {
        given().get("/api/v2/users/authmethods")
                .then()
                .statusCode(200)
                .body("password.enabled", equalTo(true))
                .body("github.enabled", equalTo(true))
                .body("oidc.enabled", equalTo(true))
                .body("oidc.signInText", equalTo("Sign in with the test IdP"));
    }

    /** First: GitHub sign-ups are off (as the double configures them), but the very first user may sign up. */
    @Test
    @Order(1)
    void aGithubAccountSignsInWithTheCodeFlow() {
        GithubDouble.Account account = GithubDouble.Account.member(4242, "octo-native", "octo-native@example.com");
        String session = GithubSignInTest.signIn(account);

        given().cookie("coder_session_token", session)
                .get("/api/v2/users/me")
                .then()
                .statusCode(200)
                .body("username", equalTo("octo-native"))
                .body("email", equalTo("octo-native@example.com"))
                .body("login_type", equalTo("github"));

        // A code GitHub never issued: the exchange fails and the service answers with its error body.
        GithubSignInTest.Started started = GithubSignInTest.start("/");
        Response refused = GithubSignInTest.finish(started, "code-nobody");
        refused.then()
                .statusCode(400)
                .body("message", equalTo("Failed exchanging Oauth code."))
                .body("detail", equalTo("bad_verification_code: The code passed is incorrect or expired."));
    }

    @Test
    void anOidcUserSignsUpAndReadsItsClaims() {
        Response done = OidcSignInTest.signIn(
                "subject-native", OidcSignInTest.claims("native@example.com", "native-oidc"), "/workspaces");
        done.then().statusCode(307).header("Location", "/workspaces");
        String session = done.getCookie("coder_session_token");
        assertThat(session).isNotBlank();

        given().cookie("coder_session_token", session)
                .get("/api/v2/users/me")
                .then()
                .statusCode(200)
                .body("username", equalTo("native-oidc"))
                .body("login_type", equalTo("oidc"));
        given().cookie("coder_session_token", session)
                .get("/api/v2/users/oidc-claims")
                .then()
                .statusCode(200)
                .body("claims.sub", equalTo("subject-native"))
                .body("claims.iss", equalTo(OidcProviderDouble.issuer()));

        // An ID token whose signature no longer matches its payload is refused.
        OidcSignInTest.Authorized authorized = OidcSignInTest.authorize("/");
        String genuine = OidcProviderDouble.idToken(
                "subject-native", OidcSignInTest.claims("native@example.com", "native-oidc"), 3600);
        OidcProviderDouble.nextIdToken(OidcProviderDouble.tampered(genuine, "native@example.com", "evil@example.com"));
        OidcSignInTest.complete(authorized)
                .then()
                .statusCode(400)
                .body("message", equalTo("Failed to verify OIDC token."))
                .body("detail", containsString("signature"));
    }
}
