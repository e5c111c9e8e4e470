package dev.coderusers.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import dev.coderusers.apikey.ApiKey;
import dev.coderusers.organization.Organization;
import dev.coderusers.organization.OrganizationMember;
import dev.coderusers.sshkey.GitSshKey;
import dev.coderusers.testsupport.TestUsers;
import dev.coderusers.user.LoginType;
import dev.coderusers.user.User;
import dev.coderusers.user.UserStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sign-in with GitHub end to end: the service, a GitHub double on loopback, and the real database. */
@QuarkusTest
@TestProfile(SignInProfile.class)
class GithubSignInTest {

    static final String CALLBACK = "/api/v2/users/oauth2/github/callback";

    static final GithubDouble.Account ALICE = GithubDouble.Account.member(1001, "alice", "alice@example.com");

    @Inject
    TestUsers testUsers;

    @BeforeEach
    void reset() {
        testUsers.deleteAll();
        GithubDouble.reset();
    }

    /** The first step: what the browser gets before it goes to GitHub. */
    record Started(Response response, URI location, String state, Map<String, String> cookies) {}

    static Started start(String redirect) {
        Response response = given().redirects()
                .follow(false)
                .queryParam("redirect", redirect)
                .get(CALLBACK);
        response.then().statusCode(307);
        URI location = URI.create(response.header("Location"));
        return new Started(response, location, query(location).get("state"), response.getCookies());
    }

    static Response finish(Started started, String code) {
        return given().redirects()
                .follow(false)
                .cookies(started.cookies())
                .queryParam("code", code)
                .queryParam("state", started.state())
                .get(CALLBACK);
    }

    /** Signs the account in (from a fresh start) and returns the session token. */
    static String signIn(GithubDouble.Account account) {
        GithubDouble.add(account);
        Response done = finish(start("/"), account.code());
        done.then().statusCode(307).header("Location", "/");
        return done.getCookie("coder_session_token");
    }

    static Map<String, String> query(URI uri) {
        return Arrays.stream(uri.getRawQuery().split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(
                        pair -> pair[0],
                        pair -> URLDecoder.decode(pair.length > 1 ? pair[1] : "", StandardCharsets.UTF_8)));
    }

    static User userByUsername(String username) {
        return QuarkusTransaction.requiringNew()
                .call(() -> User.findByUsername(username).orElseThrow());
    }

    @Test
    void theFirstUserSignsInWithGithubBecomesOwnerAndUsesTheSessionCookie() {
        GithubDouble.add(ALICE);
        Started started = start("/workspaces?filter=owner:me");

        // Step 1: a 307 to GitHub's authorize endpoint with state and an S256 challenge, and the flow cookies.
        URI authorize = started.location();
        assertThat(authorize.toString()).startsWith(GithubDouble.baseUrl() + "/login/oauth/authorize?");
        Map<String, String> params = query(authorize);
        assertThat(params)
                .containsEntry("client_id", GithubDouble.CLIENT_ID)
                .containsEntry("response_type", "code")
                .containsEntry("scope", "read:user read:org user:email")
                .containsEntry("code_challenge_method", "S256")
                .containsEntry("access_type", "offline");
        assertThat(params.get("redirect_uri")).endsWith(CALLBACK).startsWith("http://localhost:");
        assertThat(started.state()).matches("[0-9a-zA-Z]{32}");
        assertThat(started.cookies()).containsEntry("oauth_state", started.state());
        String verifier = started.cookies().get("oauth_pkce_verifier");
        assertThat(params.get("code_challenge"))
                .isEqualTo(CodeChallenge.compute(CodeChallengeMethod.S256, new CodeVerifier(verifier))
                        .getValue());
        List<String> setCookies = started.response().headers().getValues("Set-Cookie");
        assertThat(setCookies)
                .hasSize(3)
                .allSatisfy(cookie -> assertThat(cookie)
                        .contains("Path=/")
                        .contains("HttpOnly")
                        .contains("Max-Age=900")
                        .containsIgnoringCase("SameSite=Lax"));

        // Step 2: GitHub sends the browser back with the code; the service signs in and redirects locally.
        Response done = finish(started, ALICE.code());
        done.then().statusCode(307).header("Location", "/workspaces?filter=owner:me");
        String session = done.getCookie("coder_session_token");
        assertThat(session).matches("[0-9a-zA-Z]{10}-[0-9a-zA-Z]{22}");
        List<String> finalCookies = done.headers().getValues("Set-Cookie");
        assertThat(finalCookies)
                .anySatisfy(cookie -> assertThat(cookie)
                        .startsWith("coder_session_token=" + session)
                        .contains("Max-Age=31536000")
                        .contains("HttpOnly")
                        .contains("Path=/"));
        assertThat(finalCookies)
                .anySatisfy(
                        cookie -> assertThat(cookie).startsWith("oauth_state=;").contains("Max-Age=0"));

        // GitHub received the code with the verifier of the challenge, and the client's credentials.
        assertThat(GithubDouble.tokenRequestBodies())
                .singleElement()
                .satisfies(body -> assertThat(body)
                        .contains("code=" + ALICE.code())
                        .contains("code_verifier=" + verifier)
                        .contains("client_id=" + GithubDouble.CLIENT_ID)
                        .contains("client_secret=github-secret"));

        // The session cookie works for the API (GET is not subject to the CSRF rule).
        given().cookie("coder_session_token", session)
                .get("/api/v2/users/me")
                .then()
                .statusCode(200)
                .body("username", equalTo("alice"))
                .body("email", equalTo("alice@example.com"))
                .body("name", equalTo("Name Of alice"))
                .body("avatar_url", equalTo(ALICE.avatarUrl()))
                .body("login_type", equalTo("github"))
                .body("status", equalTo("active"))
                .body("roles.name", contains("owner"));

        QuarkusTransaction.requiringNew().run(() -> {
            User user = User.findByUsername("alice").orElseThrow();
            assertThat(user.rbacRoles).containsExactly("owner");
            // GitHub Enterprise: the github.com user id is not recorded.
            assertThat(user.githubComUserId).isNull();
            UserLink link = UserLink.findFor(user.id, LoginType.GITHUB).orElseThrow();
            assertThat(link.linkedId).isEqualTo("1001");
            assertThat(link.oauthAccessToken).isEqualTo(ALICE.accessToken());
            assertThat(OrganizationMember.findByUser(user.id))
                    .extracting(m -> m.organizationId)
                    .containsExactly(Organization.findDefault().id);
            assertThat(GitSshKey.<GitSshKey>findByIdOptional(user.id)).isPresent();
            ApiKey key = ApiKey.findById(session.substring(0, 10));
            assertThat(key.loginType).isEqualTo(LoginType.GITHUB);
            assertThat(key.lifetimeSeconds).isEqualTo(86_400);
            assertThat(key.userId).isEqualTo(user.id);
        });
    }

    @Test
    void aSecondSignInFindsTheLinkedUserAndTakesOverTheProfile() {
        String first = signIn(ALICE);
        User before = userByUsername("alice");

        GithubDouble.Account renamed =
                ALICE.withEmail("alice@example.org", true).withName("  Alice Liddell  ");
        String second = signIn(renamed);

        assertThat(second).isNotEqualTo(first);
        QuarkusTransaction.requiringNew().run(() -> {
            assertThat(User.countHumans()).isEqualTo(1);
            User user = User.findById(before.id);
            assertThat(user.email).isEqualTo("alice@example.org");
            assertThat(user.name).isEqualTo("Alice Liddell");
            assertThat(user.username).isEqualTo("alice");
            assertThat(user.updatedAt).isAfter(before.updatedAt);
        });
        given().cookie("coder_session_token", first)
                .get("/api/v2/users/me")
                .then()
                .statusCode(200)
                .body("id", equalTo(before.id.toString()));
    }

    @Test
    void anExistingGithubUserIsLinkedByVerifiedEmail() {
        testUsers.create("root", "owner");
        TestUsers.TestUser bob = testUsers.create("bob");
        QuarkusTransaction.requiringNew().run(() -> {
            User user = User.findById(bob.id());
            user.loginType = LoginType.GITHUB;
            user.hashedPassword = "";
        });

        String session = signIn(GithubDouble.Account.member(2002, "bobby", "BOB@example.com"));

        given().cookie("coder_session_token", session)
                .get("/api/v2/users/me")
                .then()
                .statusCode(200)
                .body("id", equalTo(bob.id().toString()))
                // The username stays; the email follows GitHub.
                .body("username", equalTo("bob"))
                .body("email", equalTo("BOB@example.com"));
        QuarkusTransaction.requiringNew()
                .run(() -> assertThat(
                                UserLink.findFor(bob.id(), LoginType.GITHUB).orElseThrow().linkedId)
                        .isEqualTo("2002"));
    }

    @Test
    void signupsAreRefusedOnceUsersExistUnlessAllowed() {
        testUsers.create("root", "owner");
        GithubDouble.Account carol = GithubDouble.Account.member(3003, "carol", "carol@example.com");
        GithubDouble.add(carol);

        Response refused = finish(start("/"), carol.code());
        assertThat(refused.getCookie("coder_session_token")).isNull();
        refused.then()
                .statusCode(403)
                .body("message", equalTo("Signups are disabled"))
                .body("detail", equalTo("Please contact your Coder administrator to request access."));
        QuarkusTransaction.requiringNew().run(() -> {
            assertThat(User.findByUsername("carol")).isEmpty();
            assertThat(UserLink.findByLinkedId("3003")).isEmpty();
        });
    }

    @Test
    void aUserWithAnotherLoginTypeIsRefused() {
        testUsers.create("dave", "owner");
        GithubDouble.Account dave = GithubDouble.Account.member(4004, "dave-gh", "dave@example.com");
        GithubDouble.add(dave);

        finish(start("/"), dave.code())
                .then()
                .statusCode(403)
                .body("message", equalTo("Incorrect login type"))
                .body(
                        "detail",
                        equalTo("Attempting to use login type \"github\", but the user has the login type"
                                + " \"password\". You can convert your account to use this login type by"
                                + " visiting your account settings."));
        QuarkusTransaction.requiringNew()
                .run(() -> assertThat(UserLink.findByLinkedId("4004")).isEmpty());
    }

    @Test
    void onlyMembersOfTheAllowedOrganizationAndTeamMaySignIn() {
        GithubDouble.Account outsider = GithubDouble.Account.member(5005, "outsider", "outsider@example.com")
                .withOrganizations(List.of("other-org"), false);
        GithubDouble.add(outsider);
        finish(start("/workspaces"), outsider.code())
                .then()
                .statusCode(401)
                .body("message", equalTo("You aren't a member of the authorized Github organizations!"))
                .header(
                        "Location",
                        equalTo("/login?message=You+aren%27t+a+member+of+the+authorized+Github+organizations%21"
                                + "&redirect=%2Fworkspaces"));

        GithubDouble.Account notInTeam = GithubDouble.Account.member(5006, "loner", "loner@example.com")
                .withOrganizations(List.of("other-org", GithubDouble.ORGANIZATION), false);
        GithubDouble.add(notInTeam);
        finish(start("/"), notInTeam.code())
                .then()
                .statusCode(401)
                .body(
                        "message",
                        equalTo("You aren't a member of an authorized team in the [acme] Github organization(s)!"));
        QuarkusTransaction.requiringNew()
                .run(() -> assertThat(User.countHumans()).isZero());
    }

    @Test
    void theVerifiedPrimaryEmailIsRequired() {
        GithubDouble.Account unverified =
                GithubDouble.Account.member(6006, "erin", "erin@example.com").withEmail("erin@example.com", false);
        GithubDouble.add(unverified);
        finish(start("/"), unverified.code())
                .then()
                .statusCode(400)
                .body("message", equalTo("Your primary email must be verified on GitHub!"));
        QuarkusTransaction.requiringNew()
                .run(() -> assertThat(User.countHumans()).isZero());
    }

    @Test
    void stateAndPkceAreCheckedBeforeGithubIsAsked() {
        GithubDouble.add(ALICE);
        Started started = start("/");

        given().redirects()
                .follow(false)
                .cookies(started.cookies())
                .queryParam("code", ALICE.code())
                .get(CALLBACK)
                .then()
                .statusCode(400)
                .body("message", equalTo("State must be provided."));
        given().redirects()
                .follow(false)
                .queryParam("code", ALICE.code())
                .queryParam("state", started.state())
                .get(CALLBACK)
                .then()
                .statusCode(401)
                .body("message", equalTo("Cookie \"oauth_state\" must be provided."));
        given().redirects()
                .follow(false)
                .cookies(started.cookies())
                .queryParam("code", ALICE.code())
                .queryParam("state", "x" + started.state().substring(1))
                .get(CALLBACK)
                .then()
                .statusCode(401)
                .body("message", equalTo("State mismatched."));
        given().redirects()
                .follow(false)
                .cookie("oauth_state", started.state())
                .cookie("oauth_redirect", "%2F")
                .queryParam("code", ALICE.code())
                .queryParam("state", started.state())
                .get(CALLBACK)
                .then()
                .statusCode(400)
                .body("message", equalTo("PKCE challenge must be provided."));

        assertThat(GithubDouble.tokenRequestBodies()).isEmpty();
        QuarkusTransaction.requiringNew()
                .run(() -> assertThat(User.countHumans()).isZero());
    }

    @Test
    void aCodeGithubRefusesIsAClientError() {
        finish(start("/"), "code-nobody")
                .then()
                .statusCode(400)
                .body("message", equalTo("Failed exchanging Oauth code."))
                .body("detail", equalTo("bad_verification_code: The code passed is incorrect or expired."));
    }

    @Test
    void anErrorSentBackByGithubEndsTheSignIn() {
        given().redirects()
                .follow(false)
                .queryParam("error", "access_denied")
                .queryParam("error_description", "The user has denied your application access.")
                .queryParam("error_uri", "https://docs.github.com/oauth-errors")
                .get(CALLBACK)
                .then()
                .statusCode(400)
                .body("message", equalTo("Encountered error in oidc process: access_denied"))
                .body(
                        "detail",
                        equalTo("The user has denied your application access., error_uri:"
                                + " https://docs.github.com/oauth-errors"));
    }

    @Test
    void theBrowserIsOnlyEverSentToALocalPath() {
        GithubDouble.add(ALICE);
        Started started = start("https://evil.example.com//steal?next=1");
        assertThat(URLDecoder.decode(started.cookies().get("oauth_redirect"), StandardCharsets.UTF_8))
                .isEqualTo("/steal?next=1");
        finish(started, ALICE.code()).then().statusCode(307).header("Location", "/steal?next=1");

        // A redirect cookie planted by someone else is reduced to a local path as well.
        for (String plantedValue : List.of("%2F%2Fevil.example.com", "https%3A%2F%2Fevil.example.com", "%zz")) {
            Started again = start("/");
            Map<String, String> planted = new HashMap<>(again.cookies());
            planted.put("oauth_redirect", plantedValue);
            given().redirects()
                    .follow(false)
                    .cookies(planted)
                    .queryParam("code", ALICE.code())
                    .queryParam("state", again.state())
                    .get(CALLBACK)
                    .then()
                    .statusCode(307)
                    .header("Location", "/");
        }
    }

    @Test
    void usernamesComeFromTheLoginMadeValidAndUnique() {
        signIn(GithubDouble.Account.member(7007, "octo_cat", "octo@example.com"));
        assertThat(userByUsername("octo-cat").email).isEqualTo("octo@example.com");

        // "prebuilds" belongs to a system user: the first user gets a suffixed name instead.
        testUsers.deleteAll();
        signIn(GithubDouble.Account.member(7008, "prebuilds", "pre@example.com"));
        QuarkusTransaction.requiringNew().run(() -> {
            User user = User.findByEmail("pre@example.com").orElseThrow();
            assertThat(user.username).matches("prebuilds-[a-z]+[0-9]");
            assertThat(user.rbacRoles).containsExactly("owner");
        });
    }

    @Test
    void aSuspendedUserGetsNoSessionAndADeletedLinkEndsTheSession() {
        String session = signIn(ALICE);
        User alice = userByUsername("alice");

        QuarkusTransaction.requiringNew().run(() -> UserLink.delete("userId", alice.id));
        given().cookie("coder_session_token", session)
                .get("/api/v2/users/me")
                .then()
                .statusCode(401)
                .body("detail", equalTo("You must re-authenticate with the login provider."));

        QuarkusTransaction.requiringNew().run(() -> {
            User user = User.findById(alice.id);
            user.status = UserStatus.SUSPENDED;
        });
        GithubDouble.add(ALICE);
        Response refused = finish(start("/"), ALICE.code());
        assertThat(refused.getCookie("coder_session_token")).isNull();
        refused.then()
                .statusCode(401)
                .body("message", equalTo("Your account is suspended. Contact an admin to reactivate your account."));
    }

    @Test
    void authMethodsReportBothProviders() {
        given().get("/api/v2/users/authmethods")
                .then()
                .statusCode(200)
                .body("github.enabled", equalTo(true))
                .body("github.default_provider_configured", equalTo(false))
                .body("oidc.enabled", equalTo(true))
                .body("oidc.signInText", equalTo("Sign in with the test IdP"))
                .body("oidc.iconUrl", equalTo("/icon/idp.svg"));
    }

    @Test
    void theDeviceEndpointSaysTheDeviceFlowIsOff() {
        given().get("/api/v2/users/oauth2/github/device")
                .then()
                .statusCode(400)
                .body("message", equalTo("Device flow is not enabled for Github OAuth2."));
    }

    @Test
    void theStartAlwaysSetsTheRedirectCookieSoThatNoOlderOneApplies() {
        Started started = start("");
        assertThat(started.response().headers().getValues("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie).startsWith("oauth_redirect=;"));
    }
}
