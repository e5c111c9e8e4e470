package dev.coderusers.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole published document is complete and self-consistent (what {@link OpenApiContractFilter} and the
 * resources' annotations promise), for every operation, the price book included.
 */
@QuarkusTest
class OpenApiDocumentTest {

    /** Coder's public route groups (users-api.md §1.1) that this service serves; everything else needs a session. */
    static final Set<String> PUBLIC_OPERATIONS = Set.of(
            "GET /api/v2/users/first",
            "POST /api/v2/users/first",
            "GET /api/v2/users/authmethods",
            "POST /api/v2/users/login",
            "GET /api/v2/users/oauth2/github/callback",
            "GET /api/v2/users/oauth2/github/device",
            "GET /api/v2/users/oidc/callback");

    private static final Set<String> RATE_LIMITED = Set.of(
            "POST /api/v2/users/login",
            "GET /api/v2/users/oauth2/github/callback",
            "GET /api/v2/users/oauth2/github/device",
            "GET /api/v2/users/oidc/callback",
            "PUT /api/v2/users/{user}/password");

    private static final String ERROR_REF = "#/components/schemas/" + OpenApiContractFilter.ERROR_SCHEMA;

    JsonNode document;

    @BeforeEach
    void document() throws IOException {
        document = new ObjectMapper()
                .readTree(given().queryParam("format", "json")
                        .get("/q/openapi")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asByteArray());
    }

    @Test
    void everyOperationHasAUniqueIdASummaryAndOneTag() {
        Set<String> ids = new HashSet<>();
        forEachOperation((key, operation) -> {
            assertThat(operation.path("operationId").asText()).as(key).isNotBlank();
            assertThat(ids.add(operation.path("operationId").asText()))
                    .as("%s: operationId %s is used twice", key, operation.path("operationId"))
                    .isTrue();
            assertThat(operation.path("summary").asText()).as(key).isNotBlank();
            assertThat(operation.path("tags")).as(key).hasSize(1);
        });
        // The 35 endpoints of the reference, login, token config, site roles and the price book.
        assertThat(ids).hasSizeGreaterThanOrEqualTo(39);
    }

    @Test
    void exactlyThePublicEndpointsNeedNoSessionToken() {
        Set<String> publicOperations = new TreeSet<>();
        forEachOperation((key, operation) -> {
            if (operation.path("security").isEmpty()) {
                publicOperations.add(key);
            } else {
                assertThat(operation.path("security"))
                        .as(key)
                        .hasSize(1)
                        .first()
                        .satisfies(requirement -> assertThat(requirement.has(OpenApiContractFilter.SESSION_TOKEN))
                                .isTrue());
                assertThat(operation.path("responses").has("401"))
                        .as("%s needs a session, so it answers 401", key)
                        .isTrue();
            }
        });
        assertThat(publicOperations).isEqualTo(new TreeSet<>(PUBLIC_OPERATIONS));
    }

    @Test
    void everyOperationListsTheStatusesItCanAnswerWithTheErrorBody() {
        forEachOperation((key, operation) -> {
            JsonNode responses = operation.path("responses");
            assertThat(responses.has("500")).as(key).isTrue();
            assertThat(responses.has("503")).as(key).isTrue();
            assertThat(responses.has("429")).as(key).isEqualTo(RATE_LIMITED.contains(key));
            if (key.contains("{user}")) {
                assertThat(responses.has("404"))
                        .as("%s resolves {user} first", key)
                        .isTrue();
            }
            if (operation.has("requestBody")) {
                assertThat(responses.has("400")).as("%s reads a body", key).isTrue();
                assertThat(operation.path("requestBody").path("required").asBoolean())
                        .as(key)
                        .isTrue();
            }
            responses.fields().forEachRemaining(response -> {
                if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                    assertThat(response.getValue()
                                    .path("content")
                                    .path("application/json")
                                    .path("schema")
                                    .path("$ref")
                                    .asText())
                            .as("%s %s", key, response.getKey())
                            .isEqualTo(ERROR_REF);
                }
                assertThat(response.getValue().path("description").asText())
                        .as("%s %s", key, response.getKey())
                        .isNotBlank();
            });
        });
    }

    @Test
    void everyParameterIsTyped() {
        forEachOperation((key, operation) -> operation
                .path("parameters")
                .forEach(parameter -> assertThat(
                                parameter.path("schema").path("type").asText())
                        .as("%s: %s", key, parameter.path("name"))
                        .isIn("string", "integer", "boolean")));
    }

    @Test
    void everyReferenceResolvesAndUuidsAndTimesAreWrittenInline() {
        JsonNode schemas = document.path("components").path("schemas");
        List<String> dangling = new ArrayList<>();
        collectReferences(document, dangling, schemas);

        assertThat(dangling).as("references to schemas that do not exist").isEmpty();
        assertThat(schemas.has("UUID")).isFalse();
        assertThat(schemas.has("Instant")).isFalse();
        assertThat(schemas.path("codersdk.User").path("properties").path("id"))
                .isEqualTo(new ObjectMapper().valueToTree(Map.of("type", "string", "format", "uuid")));
        assertThat(schemas.path("codersdk.User")
                        .path("properties")
                        .path("created_at")
                        .path("format")
                        .asText())
                .isEqualTo("date-time");
    }

    private static void collectReferences(JsonNode node, List<String> dangling, JsonNode schemas) {
        if (node.has("$ref")) {
            String ref = node.path("$ref").asText();
            String name = ref.substring(ref.lastIndexOf('/') + 1);
            if (!ref.startsWith("#/components/schemas/") || !schemas.has(name)) {
                dangling.add(ref);
            }
        }
        node.elements().forEachRemaining(child -> collectReferences(child, dangling, schemas));
    }

    private void forEachOperation(BiConsumer<String, JsonNode> check) {
        document.path("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
                    if (operation.getValue().has("responses")) {
                        check.accept(operation.getKey().toUpperCase() + " " + path.getKey(), operation.getValue());
                    }
                }));
    }
}
