package dev.coderusers.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coderusers.openapi.OpenApiContractFilter;
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
            "POST /api/v2/users/otp/request",
            "POST /api/v2/users/otp/change-password",
            "GET /api/v2/users/oauth2/github/callback",
            "GET /api/v2/users/oauth2/github/device",
            "GET /api/v2/users/oidc/callback");

    private static final Set<String> RATE_LIMITED = Set.of(
            "POST /api/v2/users/login",
            "POST /api/v2/users/otp/request",
            "POST /api/v2/users/otp/change-password",
            "POST /api/v2/users/validate-password",
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

    /**
     * What this service documents beyond Coder's swagger (which {@link OpenApiCompatibilityTest} holds the
     * document to) and beyond the statuses every operation shares (checked above).
     */
    @Test
    void theStatusesAndSchemasCodersSwaggerLacksAreDocumented() {
        assertThat(operation("PUT", "/api/v2/users/{user}/password")
                        .path("responses")
                        .has("403"))
                .as("a user-admin changing another user's password")
                .isTrue();
        JsonNode createToken =
                operation("POST", "/api/v2/users/{user}/keys/tokens").path("responses");
        assertThat(createToken.has("403")).as("another user's token").isTrue();
        assertThat(createToken.has("409")).as("a token name in use").isTrue();

        JsonNode schemas = document.path("components").path("schemas");
        Set<String> userRoles = new TreeSet<>();
        schemas.path("codersdk.UserRoles").path("properties").fieldNames().forEachRemaining(userRoles::add);
        assertThat(userRoles).contains("roles", "organization_roles");
        assertThat(schemas.path("codersdk.CreateTokenRequest")
                        .path("properties")
                        .path("lifetime")
                        .path("format")
                        .asText())
                .isEqualTo("int64");
    }

    @Test
    void theDescriptionsSayWhereThisServiceDiffersFromCoder() {
        for (String personal : List.of(
                "GET /api/v2/users/{user}/appearance",
                "PUT /api/v2/users/{user}/appearance",
                "GET /api/v2/users/{user}/preferences",
                "PUT /api/v2/users/{user}/preferences",
                "GET /api/v2/users/{user}/gitsshkey",
                "PUT /api/v2/users/{user}/gitsshkey",
                "GET /api/v2/users/{user}/autofill-parameters")) {
            String[] methodAndPath = personal.split(" ");
            assertThat(operation(methodAndPath[0], methodAndPath[1])
                            .path("description")
                            .asText())
                    .as(personal)
                    .contains("(auditor, template-admin) get 404 here, where Coder answers 500");
        }
        assertThat(operation("GET", "/api/v2/users/{user}/autofill-parameters")
                        .path("description")
                        .asText())
                .contains("holds no workspaces or builds", "always []");
    }

    private JsonNode operation(String method, String path) {
        return document.path("paths").path(path).path(method.toLowerCase());
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
