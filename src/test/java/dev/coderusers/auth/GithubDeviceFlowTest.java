package dev.coderusers.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.coderusers.testsupport.TestUsers;
import dev.coderusers.user.User;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GitHub's device flow end to end: device code, polling the callback, and the JSON answers. */
@QuarkusTest
@TestProfile(GithubDeviceFlowProfile.class)
class GithubDeviceFlowTest {

    static final String CALLBACK = GithubSignInTest.CALLBACK;

    @Inject
    TestUsers testUsers;

    @BeforeEach
    void reset() {
        testUsers.deleteAll();
        GithubDouble.reset();
    }

    @Test
    void aUserSignsInThroughTheDeviceFlow() {
        given().get("/api/v2/users/oauth2/github/device")
                .then()
                .statusCode(200)
                .body("device_code", equalTo("device-123"))
                .body("user_code", equalTo("ABCD-1234"))
                .body("verification_uri", equalTo("https://github.com/login/device"))
                .body("expires_in", equalTo(900))
                .body("interval", equalTo(5));

        // The first step sends the browser to the client-side device page, with the usual cookies.
        GithubSignInTest.Started started = GithubSignInTest.start("/templates");
        assertThat(started.location().toString()).isEqualTo("/login/device?state=" + started.state());
        assertThat(started.cookies()).containsKeys("oauth_state", "oauth_redirect", "oauth_pkce_verifier");

        // Polling before the user confirmed at GitHub.
        GithubDouble.pending("device-pending");
        GithubSignInTest.finish(started, "device-pending")
                .then()
                .statusCode(400)
                .body("message", equalTo("Failed exchanging Oauth code."))
                .body("detail", equalTo("authorization_pending"));

        GithubDouble.Account dora = GithubDouble.Account.member(9009, "dora", "dora@example.com");
        GithubDouble.add(dora);
        Response done = GithubSignInTest.finish(started, dora.code());
        done.then().statusCode(200).header("Location", nullValue()).body("redirect_url", equalTo("/templates"));

        given().cookie("coder_session_token", done.getCookie("coder_session_token"))
                .get("/api/v2/users/me")
                .then()
                .statusCode(200)
                .body("username", equalTo("dora"))
                .body("roles.name", contains("owner"));
        // The device flow sends the device code, never a client secret.
        assertThat(GithubDouble.tokenRequestBodies())
                .last()
                .satisfies(body -> assertThat(body)
                        .contains("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code")
                        .contains("device_code=" + dora.code())
                        .doesNotContain("client_secret"));
    }

    @Test
    void refusalsAreJsonForTheClientToShow() {
        GithubDouble.Account outsider = GithubDouble.Account.member(9010, "outsider", "outsider@example.com")
                .withOrganizations(List.of("other-org"), false);
        GithubDouble.add(outsider);
        GithubSignInTest.finish(GithubSignInTest.start("/"), outsider.code())
                .then()
                .statusCode(401)
                .header("Location", nullValue())
                .body("message", equalTo("Unauthorized"))
                .body("detail", equalTo("You aren't a member of the authorized Github organizations!"));

        testUsers.create("root", "owner");
        GithubDouble.Account newcomer = GithubDouble.Account.member(9011, "newcomer", "newcomer@example.com");
        GithubDouble.add(newcomer);
        GithubSignInTest.finish(GithubSignInTest.start("/"), newcomer.code())
                .then()
                .statusCode(403)
                .body("message", equalTo("Signups are disabled"));
        QuarkusTransaction.requiringNew()
                .run(() -> assertThat(User.countHumans()).isEqualTo(1));
    }

    @Test
    void anExpiredDeviceCodeIsAClientError() {
        GithubSignInTest.finish(GithubSignInTest.start("/"), "device-unknown")
                .then()
                .statusCode(400)
                .body("message", equalTo("Failed exchanging Oauth code."))
                .body("detail", equalTo("bad_verification_code"));
    }
}
