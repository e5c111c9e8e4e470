package dev.coderusers.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Swagger UI is part of the application (quarkus.swagger-ui.always-include) and reads the service's document. */
@QuarkusTest
class SwaggerUiTest {

    @Test
    void swaggerUiIsServedAndPointsAtTheOpenApiDocument() {
        given().get("/q/swagger-ui/")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/html"))
                .body(containsString("coder-users API"))
                .body(containsString("/q/openapi"));
    }
}
