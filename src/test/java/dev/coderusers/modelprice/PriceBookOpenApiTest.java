package dev.coderusers.modelprice;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The price book's operations in the published OpenAPI document (which {@code OpenApiContractTest} keeps equal to
 * the reviewed {@code src/main/openapi/coder-users.json} that the clients are generated from): all of them, each
 * under the service's own tag, which is none of Coder's.
 */
@QuarkusTest
class PriceBookOpenApiTest {

    private static final Map<String, String> OPERATIONS = Map.of(
            "GET /api/v2/ai-model-prices", "list-ai-model-prices",
            "GET /api/v2/ai-model-prices/history", "list-ai-model-price-changes",
            "GET /api/v2/ai-model-prices/{provider}/{model}", "get-ai-model-price",
            "PUT /api/v2/ai-model-prices/{provider}/{model}", "set-ai-model-price",
            "DELETE /api/v2/ai-model-prices/{provider}/{model}", "clear-ai-model-price",
            "POST /api/v2/ai-model-prices/cost", "price-ai-model-usage");

    @Test
    void everyPriceBookOperationIsPublishedUnderTheServicesOwnTag() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode document = json.readTree(given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray());
        JsonNode coder;
        try (InputStream in = getClass().getResourceAsStream("/openapi/coder-swagger-users.json")) {
            coder = json.readTree(in);
        }
        Set<String> codersTags = new TreeSet<>();
        coder.path("paths")
                .forEach(path ->
                        path.forEach(operation -> operation.path("tags").forEach(tag -> codersTags.add(tag.asText()))));

        Map<String, String> published = new TreeMap<>();
        document.path("paths").fields().forEachRemaining(path -> {
            if (path.getKey().startsWith("/api/v2/ai-model-prices")) {
                path.getValue().fields().forEachRemaining(operation -> {
                    String key = operation.getKey().toUpperCase() + " " + path.getKey();
                    published.put(key, operation.getValue().path("operationId").asText());
                    assertThat(operation.getValue().path("tags"))
                            .as(key)
                            .singleElement()
                            .satisfies(tag -> assertThat(tag.asText()).isEqualTo(ModelPriceResource.TAG));
                });
            }
        });

        assertThat(published).isEqualTo(new TreeMap<>(OPERATIONS));
        assertThat(codersTags).isNotEmpty().doesNotContain(ModelPriceResource.TAG);
        assertThat(document.path("tags"))
                .filteredOn(tag -> tag.path("name").asText().equals(ModelPriceResource.TAG))
                .singleElement()
                .satisfies(tag -> assertThat(tag.path("description").asText()).contains("not part of Coder's API"));
    }
}
