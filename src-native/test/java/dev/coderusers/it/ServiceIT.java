package dev.coderusers.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged service - the runner jar in {@code mvn verify}, the native binary with {@code -Dnative} - started
 * as a process against the suite's PostgreSQL. Checks what only the artifact can prove: the seed and the
 * migrations are inside it, the configuration it reads in the {@code prod} profile works, the health and error
 * contracts hold. API scenarios against the artifact belong in this package, after {@link #serviceIsReady()}.
 */
@QuarkusIntegrationTest
class ServiceIT {

    private static final Path SEED = Path.of("seed/ai-model-prices.json");
    private static final Path CONTRACT = Path.of("src/main/openapi/coder-users.json");

    @BeforeEach
    void serviceIsReady() {
        Readiness.awaitReady();
    }

    @Test
    void readinessIsUpWithTheEmbeddedSeedApplied() throws IOException {
        byte[] seed = Files.readAllBytes(SEED);
        int rows = new ObjectMapper().readTree(seed).size();

        JsonPath ready = given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body(Readiness.SEED_CHECK + ".status", equalTo("UP"))
                .body(Readiness.SEED_CHECK + ".data.phase", equalTo("ready"))
                .body(Readiness.SEED_CHECK + ".data.source", equalTo("seed/ai-model-prices.json"))
                .body(Readiness.SEED_CHECK + ".data.rows", equalTo(rows))
                .extract()
                .jsonPath();

        // The artifact carries the repository's seed, byte for byte.
        assertThat(ready.getString(Readiness.SEED_CHECK + ".data.checksum")).isEqualTo(sha256(seed));
        // Every row is accounted for, whether this start inserted it or found it already there.
        assertThat(ready.getInt(Readiness.SEED_CHECK + ".data.inserted")
                        + ready.getInt(Readiness.SEED_CHECK + ".data.updated")
                        + ready.getInt(Readiness.SEED_CHECK + ".data.unchanged"))
                .isEqualTo(rows);
    }

    @Test
    void livenessAndStartedAreUp() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void unknownApiRouteAnswersTheErrorEnvelope() {
        given().when()
                .get("/api/v2/no-such-route")
                .then()
                .statusCode(404)
                .contentType(startsWith("application/json"))
                .body("$", aMapWithSize(1))
                .body("message", equalTo("Route not found."));
    }

    @Test
    void openApiDocumentIsServed() {
        given().when()
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body("openapi", equalTo("3.0.3"))
                .body("info.title", equalTo("coder-users"));
    }

    @Test
    void theArtifactServesTheReviewedContractAndSwaggerUi() throws IOException {
        byte[] served = given().when()
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(served)).isEqualTo(json.readTree(CONTRACT.toFile()));

        // Included in the production build too (quarkus.swagger-ui.always-include).
        given().when().get("/q/swagger-ui/").then().statusCode(200).contentType(startsWith("text/html"));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
