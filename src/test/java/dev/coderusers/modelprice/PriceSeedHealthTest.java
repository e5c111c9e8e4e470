package dev.coderusers.modelprice;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PriceSeedHealthTest {

    @Test
    void readinessIsUpWithTheSeedFiguresOnceTheSeedCommitted() {
        given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("ai-model-price-seed"))
                .body("checks.find { it.name == 'ai-model-price-seed' }.data.rows", equalTo(71))
                .body("checks.find { it.name == 'ai-model-price-seed' }.data.phase", equalTo("ready"));
    }

    @Test
    void livenessAndStartedAreUp() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void unknownApiRouteAnswersTheErrorEnvelope() {
        given().when().get("/api/v2/no-such-route").then().statusCode(404).body("message", equalTo("Route not found."));
    }
}
