package dev.coderusers.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.coderusers.api.CoderJson;
import dev.coderusers.testsupport.TestUsers;
import dev.coderusers.user.LoginType;
import dev.coderusers.user.User;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Without GitHub or OpenID Connect configured (the default): Coder's 400s, and the claims endpoint. */
@QuarkusTest
class SignInNotConfiguredTest {

    @Inject
    TestUsers testUsers;

    @BeforeEach
    void reset() {
        testUsers.deleteAll();
    }

    @Test
    void callbacksAnswerThatTheMethodIsNotConfigured() {
        for (String path : new String[] {"/api/v2/users/oauth2/github/callback", "/api/v2/users/oidc/callback"}) {
            given().redirects()
                    .follow(false)
                    .get(path)
                    .then()
                    .statusCode(400)
                    .body("message", equalTo("The oauth2 method requested is not configured!"));
            given().redirects()
                    .follow(false)
                    .queryParam("code", "c")
                    .queryParam("state", "s")
                    .get(path)
                    .then()
                    .statusCode(400)
                    .body("message", equalTo("The oauth2 method requested is not configured!"));
        }
    }

    @Test
    void theDeviceEndpointAnswersThatGithubIsNotEnabled() {
        given().get("/api/v2/users/oauth2/github/device")
                .then()
                .statusCode(400)
                .body("message", equalTo("Github OAuth2 is not enabled."));
    }

    @Test
    void oidcClaimsNeedASessionOfAnOidcUser() {
        given().get("/api/v2/users/oidc-claims").then().statusCode(401);

        TestUsers.TestUser pat = testUsers.create("pat", "owner");
        given().header("Coder-Session-Token", pat.token())
                .get("/api/v2/users/oidc-claims")
                .then()
                .statusCode(400)
                .body("message", equalTo("User is not an OIDC user."));

        // An OIDC user (made by an admin) who has not signed in through the provider yet: no claims kept.
        QuarkusTransaction.requiringNew().run(() -> {
            User user = User.findById(pat.id());
            user.loginType = LoginType.OIDC;
        });
        given().header("Coder-Session-Token", pat.token())
                .get("/api/v2/users/oidc-claims")
                .then()
                .statusCode(404)
                .body("message", notNullValue());

        QuarkusTransaction.requiringNew().run(() -> {
            UserLink link = new UserLink();
            link.userId = pat.id();
            link.loginType = LoginType.OIDC.value();
            link.linkedId = "https://idp.example.com||pat";
            link.oauthAccessToken = "";
            link.oauthRefreshToken = "";
            link.oauthExpiry = CoderJson.ZERO_TIME;
            link.claims = "{\"sub\":\"pat\",\"groups\":[\"a\",\"b\"],\"address\":{\"country\":\"NZ\"}}";
            link.persist();
        });
        given().header("Coder-Session-Token", pat.token())
                .get("/api/v2/users/oidc-claims")
                .then()
                .statusCode(200)
                .body("claims.sub", equalTo("pat"))
                .body("claims.groups[1]", equalTo("b"))
                .body("claims.address.country", equalTo("NZ"));

        QuarkusTransaction.requiringNew().run(() -> UserLink.update("claims = '{}' where userId = ?1", pat.id()));
        given().header("Coder-Session-Token", pat.token())
                .get("/api/v2/users/oidc-claims")
                .then()
                .statusCode(200)
                .body("claims", anEmptyMap());
    }

    @Test
    void theOpenApiDocumentNamesTheOperationsAsCoderDoes() {
        given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body(
                        "paths.'/api/v2/users/oauth2/github/callback'.get.operationId",
                        equalTo("oauth-20-github-callback"))
                .body("paths.'/api/v2/users/oauth2/github/device'.get.operationId", equalTo("get-github-device-auth"))
                .body("paths.'/api/v2/users/oidc/callback'.get.operationId", equalTo("openid-connect-callback"))
                .body(
                        "paths.'/api/v2/users/oidc-claims'.get.operationId",
                        equalTo("get-oidc-claims-for-the-authenticated-user"));
    }
}
