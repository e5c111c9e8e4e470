package dev.coderusers.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coderusers.testsupport.ApiMessages;
import dev.coderusers.testsupport.TestUsers;
import dev.coderusers.testsupport.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A NUL character (U+0000), which PostgreSQL text cannot hold, never costs a 500: a path parameter with one is
 * 404 as any unknown one, a query parameter 400 naming it, a JSON string 400 naming the field. The walk over
 * the OpenAPI document sends a NUL in every parameter and every string field of every operation.
 */
@QuarkusTest
class NulCharacterTest {

    private static final String NUL = "\u0000";

    @Inject
    TestUsers testUsers;

    private TestUser owner;

    @BeforeEach
    void reset() {
        testUsers.deleteAll();
        owner = testUsers.create("owner", "owner");
        testUsers.create("member");
    }

    /** The owner, signed in with a fresh session each time: some operations (logout, password) end theirs. */
    private RequestSpecification asOwner() {
        return given().urlEncodingEnabled(false).header("Coder-Session-Token", testUsers.newSession(owner.id()));
    }

    static Stream<Arguments> reportedPaths() {
        return Stream.of(
                Arguments.of("/api/v2/users/me%00"),
                Arguments.of("/api/v2/users/%00"),
                Arguments.of("/api/v2/users/%00/roles"),
                Arguments.of("/api/v2/users/me/keys/%00"),
                Arguments.of("/api/v2/users/me/keys/tokens/%00"),
                Arguments.of("/api/v2/users/me/organizations/%00"));
    }

    @ParameterizedTest
    @MethodSource("reportedPaths")
    void aPathParameterWithNulIsNotFound(String path) {
        asOwner().get(path).then().statusCode(404).body("message", equalTo(ApiMessages.NOT_FOUND));
    }

    @Test
    void queryParametersWithNulAreBadRequestsNamingTheParameter() {
        for (String[] query : new String[][] {
            {"/api/v2/users?q=%00", "q"},
            {"/api/v2/ai-model-prices?provider=%00", "provider"},
            {"/api/v2/ai-model-prices?model=a%00b", "model"}
        }) {
            asOwner()
                    .get(query[0])
                    .then()
                    .statusCode(400)
                    .body("message", equalTo("Query parameters have invalid values."))
                    .body("validations[0].field", equalTo(query[1]));
        }
    }

    @Test
    void jsonStringsWithNulAreValidationErrorsNamingTheField() {
        asOwner()
                .contentType(ContentType.JSON)
                .body("{\"username\":\"owner\",\"name\":\"a\\u0000b\"}")
                .put("/api/v2/users/me/profile")
                .then()
                .statusCode(400)
                .body("message", equalTo("Validation failed."))
                .body("validations[0].field", equalTo("name"));
        asOwner()
                .contentType(ContentType.JSON)
                .body("{\"token_name\":\"a\\u0000b\"}")
                .post("/api/v2/users/me/keys/tokens")
                .then()
                .statusCode(400)
                .body("validations[0].field", equalTo("token_name"));
        // Strings inside arrays too, named by their position.
        asOwner()
                .contentType(ContentType.JSON)
                .body("{\"roles\":[\"auditor\",\"a\\u0000b\"]}")
                .put("/api/v2/users/member/roles")
                .then()
                .statusCode(400)
                .body("validations[0].field", equalTo("roles[1]"));
    }

    @Test
    void aTokenWithNulIsAnInvalidKey() {
        given().urlEncodingEnabled(false)
                .get("/api/v2/users/me?coder_session_token=%00%00%00%00%00%00%00%00%00%00-0123456789012345678901")
                .then()
                .statusCode(401)
                .body("detail", equalTo("API key is invalid."));
    }

    @Test
    void passwordsMayHoldAnyCharacterAsInCoder() {
        // Hashed, never stored as text: the NUL reaches the password check (wrong password), not a 400.
        given().contentType(ContentType.JSON)
                .body("{\"email\":\"owner@example.com\",\"password\":\"a\\u0000b\"}")
                .post("/api/v2/users/login")
                .then()
                .statusCode(401);
    }

    /** Every operation of the published document, a NUL in each of its parameters and body strings in turn. */
    @Test
    void noOperationAnswers5xxForNulAnywhere() throws Exception {
        JsonNode document = new ObjectMapper()
                .readTree(given().get("/q/openapi?format=json")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asByteArray());
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase();
                JsonNode operation = op.getValue();
                List<JsonNode> parameters = new ArrayList<>();
                operation.path("parameters").forEach(parameters::add);
                JsonNode bodySchema = resolve(
                        document,
                        operation
                                .path("requestBody")
                                .path("content")
                                .path("application/json")
                                .path("schema"));

                for (JsonNode parameter : parameters) {
                    String target =
                            url(path.getKey(), parameters, parameter.get("name").asText());
                    Response response = send(
                            method, target, bodySchema.isMissingNode() ? null : sample(document, bodySchema, null));
                    sent++;
                    int expected = "path".equals(parameter.get("in").asText()) ? 404 : 400;
                    if (response.statusCode() != expected) {
                        failures.add(
                                method + " " + target + " -> " + response.statusCode() + " " + response.asString());
                    }
                }
                if (!bodySchema.isMissingNode()) {
                    for (String field : stringFields(document, bodySchema)) {
                        String target = url(path.getKey(), parameters, null);
                        Response response = send(method, target, sample(document, bodySchema, field));
                        sent++;
                        if (response.statusCode() >= 500) {
                            failures.add(method + " " + target + " with NUL in " + field + " -> "
                                    + response.statusCode() + " " + response.asString());
                        }
                    }
                }
            }
        }
        assertThat(sent).as("requests sent").isGreaterThan(40);
        assertThat(failures).isEmpty();
    }

    private Response send(String method, String url, JsonNode body) {
        RequestSpecification request = asOwner();
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body.toString());
        }
        return request.request(method, url);
    }

    /** The operation's path and query with a NUL in {@code nulIn}, and harmless values elsewhere. */
    private static String url(String template, List<JsonNode> parameters, String nulIn) {
        String path = template;
        List<String> query = new ArrayList<>();
        for (JsonNode parameter : parameters) {
            String name = parameter.get("name").asText();
            boolean nul = name.equals(nulIn);
            if ("path".equals(parameter.get("in").asText())) {
                String value = nul ? "x%00y" : name.equals("user") ? "me" : "x";
                path = path.replace("{" + name + "}", value);
            } else if (nul) {
                query.add(name + "=a%00b");
            }
        }
        return query.isEmpty() ? path : path + "?" + String.join("&", query);
    }

    private static JsonNode resolve(JsonNode document, JsonNode schema) {
        JsonNode current = schema;
        while (current.has("$ref")) {
            String[] parts = current.get("$ref").asText().substring(2).split("/");
            JsonNode target = document;
            for (String part : parts) {
                target = target.path(part);
            }
            current = target;
        }
        return current;
    }

    /** The names (dotted for arrays: {@code roles[]}) of the string fields of a body schema. */
    private static List<String> stringFields(JsonNode document, JsonNode schema) {
        List<String> fields = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it =
                        resolve(document, schema).path("properties").fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            JsonNode type = resolve(document, property.getValue());
            if ("string".equals(type.path("type").asText())) {
                fields.add(property.getKey());
            } else if ("array".equals(type.path("type").asText())
                    && "string"
                            .equals(resolve(document, type.path("items"))
                                    .path("type")
                                    .asText())) {
                fields.add(property.getKey() + "[]");
            }
        }
        return fields;
    }

    /** A body with plausible strings everywhere, and a NUL in {@code nulIn} (null: nowhere). */
    private static JsonNode sample(JsonNode document, JsonNode schema, String nulIn) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it =
                        resolve(document, schema).path("properties").fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            String name = property.getKey();
            JsonNode type = resolve(document, property.getValue());
            switch (type.path("type").asText()) {
                case "string" -> body.put(name, name.equals(nulIn) ? "a" + NUL + "b" : plausible(name, type));
                case "array" -> {
                    if ("string"
                            .equals(resolve(document, type.path("items"))
                                    .path("type")
                                    .asText())) {
                        ArrayNode values = body.putArray(name);
                        values.add((name + "[]").equals(nulIn) ? "a" + NUL + "b" : "member");
                    }
                }
                default -> {
                    // Numbers, booleans and objects carry no text: left out.
                }
            }
        }
        return body;
    }

    private static String plausible(String name, JsonNode type) {
        if (type.has("enum")) {
            return type.get("enum").get(0).asText();
        }
        if ("uuid".equals(type.path("format").asText())) {
            return "00000000-0000-0000-0000-000000000000";
        }
        if (name.contains("email")) {
            return "new@example.com";
        }
        if (name.contains("password")) {
            return "SomeOtherSecurePassword!1";
        }
        return "plausible";
    }
}
