package dev.coderusers.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

/**
 * The packaged service started while its database is unreachable: alive and started at once, not ready and
 * refusing the API with 503 until the database answers, then ready without a restart. This is what lets
 * Kubernetes start the pod before the database and route traffic to it only once it can serve.
 */
@QuarkusIntegrationTest
@WithTestResource(value = GatedDatabase.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class StartupIT {

    /** Injected by {@link GatedDatabase}: the way to the database, closed when the service starts. */
    TcpGate database;

    @Test
    void readinessGoesFromDownToUpWhenTheDatabaseArrives() {
        JsonPath waiting = Readiness.awaitUntil(
                        answer -> "waiting_for_database"
                                .equals(answer.jsonPath().getString(Readiness.SEED_CHECK + ".data.phase")),
                        "waiting for the database")
                .jsonPath();
        assertThat(waiting.getString("status")).isEqualTo("DOWN");
        assertThat(waiting.getInt(Readiness.SEED_CHECK + ".data.attempts")).isPositive();
        assertThat(waiting.getString(Readiness.SEED_CHECK + ".data.reason")).isNotBlank();

        given().when().get("/q/health/ready").then().statusCode(503);
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
        given().when()
                .get("/api/v2/users")
                .then()
                .statusCode(503)
                .header("Retry-After", "1")
                .body("message", equalTo("The service is starting and cannot answer yet. Please try again shortly."))
                .body("detail", notNullValue());

        database.open();

        JsonPath ready = Readiness.awaitReady().jsonPath();
        assertThat(ready.getString("status")).isEqualTo("UP");
        assertThat(ready.getString(Readiness.SEED_CHECK + ".data.phase")).isEqualTo("ready");
        assertThat(ready.getInt(Readiness.SEED_CHECK + ".data.rows")).isPositive();
    }
}
