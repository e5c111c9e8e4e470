package dev.coderusers.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coderusers.testsupport.PrometheusText;
import dev.coderusers.testsupport.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code coder_users_sign_ins_total{method="oidc"}} counts the end of OpenID Connect sign-ins by outcome (against
 * the provider double of {@link OidcSignInTest}), and not their first step, the redirect to the provider.
 */
@QuarkusTest
@TestProfile(SignInProfile.class)
class OidcSignInMetricsTest {

    @Inject
    TestUsers testUsers;

    @Test
    void theOutcomesOfOidcSignInsAreCounted() {
        testUsers.deleteAll();
        testUsers.create("root", "owner");
        PrometheusText before = scrape();

        OidcSignInTest.authorize("/"); // a first step only
        OidcSignInTest.signIn("subject-ada", OidcSignInTest.claims("ada@example.com", "ada"), "/")
                .then()
                .statusCode(307);
        Map<String, Object> unverified = OidcSignInTest.claims("mallory@example.com", "mallory");
        unverified.put("email_verified", false);
        OidcSignInTest.signIn("subject-mallory", unverified, "/").then().statusCode(403);
        OidcSignInTest.Authorized withoutCookies = OidcSignInTest.authorize("/");
        OidcSignInTest.complete(withoutCookies, Map.of()).then().statusCode(401);

        PrometheusText after = scrape();
        assertThat(delta(before, after, "success")).isEqualTo(1);
        assertThat(delta(before, after, "forbidden")).isEqualTo(1);
        assertThat(delta(before, after, "bad_credentials")).isEqualTo(1);
        assertThat(delta(before, after, "invalid_request")).isZero();
        assertThat(after.valueOrZero("coder_users_sessions_created_total", Map.of("login_type", "oidc"))
                        - before.valueOrZero("coder_users_sessions_created_total", Map.of("login_type", "oidc")))
                .isEqualTo(1);
        testUsers.deleteAll();
    }

    private static double delta(PrometheusText before, PrometheusText after, String outcome) {
        Map<String, String> labels = Map.of("method", "oidc", "outcome", outcome);
        return after.valueOrZero("coder_users_sign_ins_total", labels)
                - before.valueOrZero("coder_users_sign_ins_total", labels);
    }

    private static PrometheusText scrape() {
        return PrometheusText.parse(given().accept("text/plain")
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }
}
