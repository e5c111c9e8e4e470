package dev.coderusers.auth;

import static dev.coderusers.testsupport.ApiMessages.NOT_FOUND;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.coderusers.testsupport.TestClock;
import dev.coderusers.testsupport.TestUsers;
import dev.coderusers.testsupport.TestUsers.TestUser;
import dev.coderusers.user.LoginType;
import dev.coderusers.user.User;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Converting a password user to OpenID Connect or GitHub end to end: {@code POST /users/{user}/convert-login},
 * then the provider's sign-in started with the conversion's state, against the same provider doubles as the
 * sign-in tests (mock-oauth2-server, and WireMock for GitHub).
 */
@QuarkusTest
@TestProfile(SignInProfile.class)
class LoginConversionTest {

    static final String CONVERT = "/api/v2/users/{user}/convert-login";

    @Inject
    TestUsers testUsers;

    @Inject
    TestClock clock;

    TestUser alice;

    @BeforeEach
    void reset() {
        testUsers.deleteAll();
        GithubDouble.reset();
        alice = testUsers.create("alice");
    }

    static Response convert(TestUser caller, String user, String toType, String password) {
        Map<String, String> body = new HashMap<>();
        body.put("to_type", toType);
        body.put("password", password);
        return given().header("Coder-Session-Token", caller.token())
                .contentType(ContentType.JSON)
                .body(body)
                .post(CONVERT, user);
    }

    /** The first step of a provider's sign-in, started with the conversion's state. */
    static Response startWith(String callback, String mergeState) {
        return given().redirects()
                .follow(false)
                .queryParam("oidc_merge_state", mergeState)
                .queryParam("redirect", "/settings/account")
                .get(callback);
    }

    /** Converts alice's account as an OIDC sign-in with these claims completes it; returns the last answer. */
    Response convertWithOidc(String subject, Map<String, Object> claims, boolean sendConvertCookie) {
        Response converted = convert(alice, "me", "oidc", TestUsers.PASSWORD);
        converted.then().statusCode(201);
        String state = converted.path("state_string");
        Response start = startWith(OidcSignInTest.CALLBACK, state);
        start.then().statusCode(307);
        assertThat(start.getCookie("oauth_state")).isEqualTo(state);
        Response provider =
                given().redirects().follow(false).urlEncodingEnabled(false).get(URI.create(start.header("Location")));
        URI callback = URI.create(provider.header("Location"));
        assertThat(GithubSignInTest.query(callback)).containsEntry("state", state);
        Map<String, String> cookies = new HashMap<>(start.getCookies());
        if (sendConvertCookie) {
            cookies.put("coder_oauth_convert_jwt", converted.getCookie("coder_oauth_convert_jwt"));
        }
        OidcProviderDouble.nextSignIn(subject, claims);
        return given().redirects()
                .follow(false)
                .urlEncodingEnabled(false)
                .cookies(cookies)
                .get(callback);
    }

    static User user(TestUser user) {
        return QuarkusTransaction.requiringNew().call(() -> User.<User>findById(user.id()));
    }

    static int passwordLogin(String email) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", TestUsers.PASSWORD))
                .post("/api/v2/users/login")
                .statusCode();
    }

    @Test
    void aPasswordUserBecomesAnOidcUser() {
        Instant before = Instant.now();
        Response converted = convert(alice, "me", "oidc", TestUsers.PASSWORD);
        converted
                .then()
                .statusCode(201)
                .body("to_type", equalTo("oidc"))
                .body("user_id", equalTo(alice.id().toString()))
                .body("state_string", startsWith("convert-"));
        assertThat((String) converted.path("state_string")).matches("convert-[0-9a-zA-Z]{32}");
        assertThat(Instant.parse(converted.<String>path("expires_at")))
                .isBetween(before.plusSeconds(290), Instant.now().plusSeconds(301));
        assertThat(converted.headers().getValues("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie)
                        .startsWith("coder_oauth_convert_jwt=")
                        .contains("HttpOnly")
                        .contains("Max-Age=300")
                        .containsIgnoringCase("SameSite=Lax"));

        Response done = convertWithOidc("subject-alice", OidcSignInTest.claims("alice@example.com", "alice"), true);

        done.then().statusCode(307).header("Location", "/settings/account");
        assertThat(done.headers().getValues("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie).startsWith("coder_oauth_convert_jwt=;"));
        User converted2 = user(alice);
        assertThat(converted2.loginType).isEqualTo(LoginType.OIDC);
        assertThat(converted2.hashedPassword).isEmpty();
        QuarkusTransaction.requiringNew().run(() -> {
            assertThat(UserLink.findFor(alice.id(), LoginType.OIDC).orElseThrow().linkedId)
                    .isEqualTo(OidcProviderDouble.issuer() + "||subject-alice");
            assertThat(LoginConversion.count()).isZero();
        });
        // The password and its sessions are gone; the new session works, and the next sign-in finds the user.
        assertThat(passwordLogin(alice.email())).isEqualTo(401);
        given().header("Coder-Session-Token", alice.token())
                .get("/api/v2/users/me")
                .then()
                .statusCode(401);
        given().cookie("coder_session_token", done.getCookie("coder_session_token"))
                .get("/api/v2/users/me")
                .then()
                .statusCode(200)
                .body("id", equalTo(alice.id().toString()))
                .body("login_type", equalTo("oidc"));
        OidcSignInTest.signIn("subject-alice", OidcSignInTest.claims("alice@example.com", "alice"), "/")
                .then()
                .statusCode(307);
        QuarkusTransaction.requiringNew()
                .run(() -> assertThat(User.countHumans()).isEqualTo(1));
    }

    @Test
    void aPasswordUserBecomesAGithubUser() {
        GithubDouble.Account account = GithubDouble.Account.member(4242, "alice-gh", "alice@example.com");
        GithubDouble.add(account);
        Response converted = convert(alice, alice.username(), "github", TestUsers.PASSWORD);
        converted.then().statusCode(201).body("to_type", equalTo("github"));
        Response start = startWith(GithubSignInTest.CALLBACK, converted.path("state_string"));
        start.then().statusCode(307);
        Map<String, String> cookies = new HashMap<>(start.getCookies());
        cookies.put("coder_oauth_convert_jwt", converted.getCookie("coder_oauth_convert_jwt"));

        given().redirects()
                .follow(false)
                .cookies(cookies)
                .queryParam("code", account.code())
                .queryParam("state", converted.<String>path("state_string"))
                .get(GithubSignInTest.CALLBACK)
                .then()
                .statusCode(307);

        assertThat(user(alice).loginType).isEqualTo(LoginType.GITHUB);
        QuarkusTransaction.requiringNew()
                .run(() -> assertThat(
                                UserLink.findFor(alice.id(), LoginType.GITHUB).orElseThrow().linkedId)
                        .isEqualTo("4242"));
    }

    @Test
    void withoutAConversionAPasswordUserIsToldItCanConvert() {
        OidcSignInTest.signIn("subject-alice", OidcSignInTest.claims("alice@example.com", "alice"), "/")
                .then()
                .statusCode(403)
                .body("message", equalTo("Incorrect login type"))
                .body(
                        "detail",
                        org.hamcrest.Matchers.endsWith(
                                "You can convert your account to use this login type by visiting your account settings."));
    }

    @Test
    void theWrongProviderIsRefused() {
        GithubDouble.Account account = GithubDouble.Account.member(4243, "alice-gh", "alice@example.com");
        GithubDouble.add(account);
        Response converted = convert(alice, "me", "oidc", TestUsers.PASSWORD);
        Response start = startWith(GithubSignInTest.CALLBACK, converted.path("state_string"));
        Map<String, String> cookies = new HashMap<>(start.getCookies());
        cookies.put("coder_oauth_convert_jwt", converted.getCookie("coder_oauth_convert_jwt"));

        given().redirects()
                .follow(false)
                .cookies(cookies)
                .queryParam("code", account.code())
                .queryParam("state", converted.<String>path("state_string"))
                .get(GithubSignInTest.CALLBACK)
                .then()
                .statusCode(403)
                .body("message", equalTo("Request to convert login type from password to github failed"));
        assertThat(user(alice).loginType).isEqualTo(LoginType.PASSWORD);
    }

    @Test
    void anIdentityLinkedToAnotherUserIsRefused() {
        // bob signs up with OIDC first, so the subject is linked to bob.
        OidcSignInTest.signIn("subject-bob", OidcSignInTest.claims("bob@example.com", "bob"), "/")
                .then()
                .statusCode(307);

        convertWithOidc("subject-bob", OidcSignInTest.claims("alice@example.com", "alice"), true)
                .then()
                .statusCode(403)
                .body("message", equalTo("Request to convert login type from oidc to oidc failed"));
        assertThat(user(alice).loginType).isEqualTo(LoginType.PASSWORD);
        assertThat(passwordLogin(alice.email())).isEqualTo(201);
    }

    @Test
    void anIdentityWithAnotherEmailIsRefusedAndNobodyIsCreated() {
        convertWithOidc("subject-mallory", OidcSignInTest.claims("mallory@example.com", "mallory"), true)
                .then()
                .statusCode(400)
                .body(
                        "message",
                        equalTo("The oidc account with the email \"mallory@example.com\" does not match the email of"
                                + " the account you are trying to convert. Contact your administrator to resolve"
                                + " this issue."));
        QuarkusTransaction.requiringNew()
                .run(() -> assertThat(User.findByEmail("mallory@example.com")).isEmpty());
    }

    @Test
    void theConversionCookieIsRequired() {
        convertWithOidc("subject-alice", OidcSignInTest.claims("alice@example.com", "alice"), false)
                .then()
                .statusCode(400)
                .body(
                        "message",
                        equalTo("Convert to oauth cookie not found. Missing signed jwt to authorize this action."
                                + " Please try again."));
        assertThat(user(alice).loginType).isEqualTo(LoginType.PASSWORD);
    }

    @Test
    void anExpiredConversionIsRefused() {
        Response converted = convert(alice, "me", "oidc", TestUsers.PASSWORD);
        // Conversions last five minutes.
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));

        startWith(OidcSignInTest.CALLBACK, converted.path("state_string"))
                .then()
                .statusCode(400)
                .body(
                        "message",
                        equalTo("The login conversion is unknown or has expired. Please start the conversion"
                                + " again."));
        // A state that was never a conversion's cannot be chosen either.
        startWith(OidcSignInTest.CALLBACK, "convert-chosenbytheattacker").then().statusCode(400);
    }

    @Test
    void aConversionThatExpiresDuringTheSignInIsRefused() {
        Response converted = convert(alice, "me", "oidc", TestUsers.PASSWORD);
        Response start = startWith(OidcSignInTest.CALLBACK, converted.path("state_string"));
        Response provider =
                given().redirects().follow(false).urlEncodingEnabled(false).get(URI.create(start.header("Location")));
        // Conversions last five minutes.
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        Map<String, String> cookies = new HashMap<>(start.getCookies());
        cookies.put("coder_oauth_convert_jwt", converted.getCookie("coder_oauth_convert_jwt"));
        OidcProviderDouble.nextSignIn("subject-alice", OidcSignInTest.claims("alice@example.com", "alice"));

        given().redirects()
                .follow(false)
                .urlEncodingEnabled(false)
                .cookies(cookies)
                .get(URI.create(provider.header("Location")))
                .then()
                .statusCode(400)
                .body("message", equalTo("The login conversion has expired. Please start the conversion again."));
        assertThat(user(alice).loginType).isEqualTo(LoginType.PASSWORD);
    }

    @Test
    void onlyTheUserItselfMayConvertNotEvenAnOwner() {
        TestUser owner = testUsers.create("owner", "owner");
        TestUser member = testUsers.create("member");

        convert(owner, alice.id().toString(), "oidc", TestUsers.PASSWORD)
                .then()
                .statusCode(403)
                .body("message", equalTo("You are not authorized to convert this user's login type."));
        convert(member, alice.username(), "oidc", TestUsers.PASSWORD)
                .then()
                .statusCode(404)
                .body("message", equalTo(NOT_FOUND));
        given().contentType(ContentType.JSON)
                .body(Map.of("to_type", "oidc", "password", TestUsers.PASSWORD))
                .post(CONVERT, "me")
                .then()
                .statusCode(401);
        QuarkusTransaction.requiringNew()
                .run(() -> assertThat(LoginConversion.count()).isZero());
    }

    @Test
    void codersChecksOfTheRequest() {
        convert(alice, "me", "oidc", "WrongPassword!1")
                .then()
                .statusCode(401)
                .body("message", equalTo("Incorrect email or password."));
        convert(alice, "me", "password", TestUsers.PASSWORD)
                .then()
                .statusCode(400)
                .body("message", equalTo("Cannot convert to login type \"password\"."));
        convert(alice, "me", "kerberos", TestUsers.PASSWORD)
                .then()
                .statusCode(400)
                .body("message", equalTo("Unknown login type \"kerberos\"."));
        given().header("Coder-Session-Token", alice.token())
                .contentType(ContentType.JSON)
                .body("{}")
                .post(CONVERT, "me")
                .then()
                .statusCode(400)
                .body("message", equalTo("Validation failed."))
                .body("validations.field", contains("password", "to_type"));
        QuarkusTransaction.requiringNew()
                .run(() -> assertThat(LoginConversion.count()).isZero());
    }
}
