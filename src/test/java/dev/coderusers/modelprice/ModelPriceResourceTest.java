package dev.coderusers.modelprice;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.coderusers.testsupport.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ModelPriceResourceTest {

    @Inject
    TestUsers testUsers;

    String token;

    @BeforeEach
    void member() {
        testUsers.deleteAll();
        token = testUsers.create("reader").token();
    }

    @Test
    void anySignedInUserReadsThePriceBook() {
        given().header("Coder-Session-Token", token)
                .get("/api/v2/ai-model-prices")
                .then()
                .statusCode(200)
                .body("size()", equalTo(71))
                .body("[0].provider", equalTo("anthropic"))
                .body("[0].model", equalTo("claude-3-5-sonnet-20240620"));
    }

    @Test
    void filtersByProviderAndModelKeepingNullAndZero() {
        given().header("Coder-Session-Token", token)
                .queryParam("provider", "openai")
                .get("/api/v2/ai-model-prices")
                .then()
                .statusCode(200)
                .body("", hasSize(47))
                .body("provider", everyItem(equalTo("openai")));
        given().header("Coder-Session-Token", token)
                .queryParam("provider", "openai")
                .queryParam("model", "gpt-3.5-turbo")
                .get("/api/v2/ai-model-prices")
                .then()
                .statusCode(200)
                .body("[0].cache_read_price", equalTo(0))
                .body("[0].cache_write_price", nullValue());
        given().header("Coder-Session-Token", token)
                .queryParam("provider", "nobody")
                .get("/api/v2/ai-model-prices")
                .then()
                .statusCode(200)
                .body("", empty());
    }

    @Test
    void readingNeedsASession() {
        given().get("/api/v2/ai-model-prices").then().statusCode(401);
    }
}
