package dev.coderusers.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ErrorEnvelopeTest {

    @Test
    void unknownRoutesUnderTheApiAnswerRouteNotFound() {
        given().get("/api/v2/nothing/here")
                .then()
                .statusCode(404)
                .contentType(containsString("application/json"))
                .body("message", equalTo("Route not found."));
        given().post("/api/v2/users/first/extra").then().statusCode(404).body("message", equalTo("Route not found."));
    }

    @Test
    void wrongMethodUsesTheEnvelope() {
        given().put("/api/v2/users/first").then().statusCode(405).body("message", equalTo("Method not allowed."));
    }

    @Test
    void aBodyIsReadAsJsonWhateverItsContentTypeAsCoderDoes() {
        given().contentType("text/plain")
                .body("hello")
                .post("/api/v2/users/first")
                .then()
                .statusCode(400)
                .body("message", equalTo("Request body must be valid JSON."));
    }

    @Test
    void responsesCarryCodersHeaders() {
        given().get("/api/v2/users/first")
                .then()
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Coder-Build-Version", not(equalTo("")));
    }

    @Test
    void wrongJsonTypesAreRefusedNotCoerced() {
        given().contentType("application/json")
                .body("{\"email\": 5, \"username\": \"admin\", \"password\": \"SomeSecurePassword!\"}")
                .post("/api/v2/users/first")
                .then()
                .statusCode(400)
                .body("message", equalTo("Request body must be valid JSON."))
                .body("detail", equalTo("cannot unmarshal field \"email\": expected a string"));
        given().contentType("application/json")
                .body("{\"email\": \"a@example.com\", \"username\": \"admin\", \"password\": \"x\","
                        + " \"trial\": \"true\"}")
                .post("/api/v2/users/first")
                .then()
                .statusCode(400)
                .body("detail", equalTo("cannot unmarshal field \"trial\": expected a boolean"));
    }

    @Test
    void malformedJsonNeverLeaksClassNames() {
        given().contentType("application/json")
                .body("{\"email\": [1, 2], \"username\": {}}")
                .post("/api/v2/users/first")
                .then()
                .statusCode(400)
                .body("message", equalTo("Request body must be valid JSON."))
                .body("detail", not(containsString("dev.coderusers")))
                .body("detail", not(containsString("java.")));
    }
}
