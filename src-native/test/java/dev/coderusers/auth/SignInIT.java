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
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
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

    private static final String PASSWORD = "SomeSecurePassword!";

    /** The first user's session: GitHub's first sign-in makes it the owner. */
    private static String owner;

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
        owner = session;

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

    /** A password user converts to OpenID Connect: the conversion's state rides the provider's round trip. */
    @Test
    @Order(2)
    void aPasswordUserConvertsToOidc() {
        String organization = given().header("Coder-Session-Token", owner)
                .get("/api/v2/users/me")
                .then()
                .statusCode(200)
                .extract()
                .path("organization_ids[0]");
        given().header("Coder-Session-Token", owner)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "email",
                        "convert@example.com",
                        "username",
                        "convert-me",
                        "password",
                        PASSWORD,
                        "organization_ids",
                        java.util.List.of(organization)))
                .post("/api/v2/users")
                .then()
                .statusCode(201);
        String password = given().contentType(ContentType.JSON)
                .body(Map.of("email", "convert@example.com", "password", PASSWORD))
                .post("/api/v2/users/login")
                .then()
                .statusCode(201)
                .extract()
                .path("session_token");
        Response converted = given().header("Coder-Session-Token", password)
                .contentType(ContentType.JSON)
                .body(Map.of("to_type", "oidc", "password", PASSWORD))
                .post("/api/v2/users/me/convert-login");
        converted.then().statusCode(201).body("to_type", equalTo("oidc"));

        Response start = LoginConversionTest.startWith(OidcSignInTest.CALLBACK, converted.path("state_string"));
        start.then().statusCode(307);
        Response provider =
                given().redirects().follow(false).urlEncodingEnabled(false).get(URI.create(start.header("Location")));
        Map<String, String> cookies = new HashMap<>(start.getCookies());
        cookies.put("coder_oauth_convert_jwt", converted.getCookie("coder_oauth_convert_jwt"));
        OidcProviderDouble.nextSignIn("subject-convert", OidcSignInTest.claims("convert@example.com", "convert-me"));
        Response done = given().redirects()
                .follow(false)
                .urlEncodingEnabled(false)
                .cookies(cookies)
                .get(URI.create(provider.header("Location")));

        done.then().statusCode(307);
        given().cookie("coder_session_token", done.getCookie("coder_session_token"))
                .get("/api/v2/users/me")
                .then()
                .statusCode(200)
                .body("username", equalTo("convert-me"))
                .body("login_type", equalTo("oidc"));
        given().header("Coder-Session-Token", password)
                .get("/api/v2/users/me")
                .then()
                .statusCode(401);
    }
}
