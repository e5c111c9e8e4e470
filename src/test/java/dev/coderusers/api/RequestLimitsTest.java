package dev.coderusers.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** Requests too large to reach an endpoint still get the error envelope, never an empty body. */
@QuarkusTest
class RequestLimitsTest {

    @Test
    void aUriOverTheLimitIs414WithTheEnvelope() {
        given().get("/api/v2/users?q=" + "a".repeat(5_000))
                .then()
                .statusCode(414)
                .contentType(startsWith("application/json"))
                .body("message", equalTo("Request URI too long."))
                .body("detail", equalTo("The URI may be 4096 characters long."));
    }

    @Test
    void headersOverTheLimitAre431WithTheEnvelope() {
        given().header("X-Padding", "a".repeat(25_000))
                .get("/api/v2/users/me")
                .then()
                .statusCode(431)
                .contentType(startsWith("application/json"))
                .body("message", equalTo("Request headers too large."));
    }

    @Test
    void aBodyOverTheLimitIs413WithTheEnvelope() {
        given().contentType(ContentType.JSON)
                .body(new byte[10 * 1024 * 1024 + 1])
                .post("/api/v2/users/login")
                .then()
                .statusCode(413)
                .contentType(startsWith("application/json"))
                .body("message", equalTo("Request body too large."))
                .body("detail", equalTo("The body may be 10485760 bytes long."));
    }

    @Test
    void requestsWithinTheLimitsPass() {
        given().header("X-Padding", "a".repeat(10_000))
                .get("/api/v2/users/authmethods?x=" + "a".repeat(3_000))
                .then()
                .statusCode(200)
                .body("password.enabled", equalTo(true));
    }
}
