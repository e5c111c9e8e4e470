package dev.coderusers.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** quarkus.swagger-ui.enabled=false, set at run time, takes Swagger UI away and leaves the document. */
@QuarkusTest
@TestProfile(SwaggerUiSwitchedOffTest.SwaggerUiOff.class)
class SwaggerUiSwitchedOffTest {

    /** The run-time switch an operator sets (QUARKUS_SWAGGER_UI_ENABLED=false). */
    public static class SwaggerUiOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.swagger-ui.enabled", "false");
        }
    }

    @Test
    void swaggerUiIsGoneAndTheDocumentStays() {
        given().get("/q/swagger-ui/").then().statusCode(404);
        given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("info.title", equalTo("coder-users"));
    }
}
