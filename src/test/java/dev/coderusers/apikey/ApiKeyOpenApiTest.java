package dev.coderusers.apikey;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The API key endpoints carry Coder's operation ids and tags in the published OpenAPI document. */
@QuarkusTest
class ApiKeyOpenApiTest {

    static final String KEYS = "paths.'/api/v2/users/{user}/keys";

    @Test
    void everyKeyEndpointHasCodersOperationIdAndTag() {
        given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body(KEYS + "'.post.operationId", equalTo("create-new-session-key"))
                .body(KEYS + "/tokens'.get.operationId", equalTo("get-user-tokens"))
                .body(KEYS + "/tokens'.post.operationId", equalTo("create-token-api-key"))
                .body(KEYS + "/tokens/tokenconfig'.get.operationId", equalTo("get-token-config"))
                .body(KEYS + "/tokens/tokenconfig'.get.tags", contains("General"))
                .body(KEYS + "/tokens/{keyname}'.get.operationId", equalTo("get-api-key-by-token-name"))
                .body(KEYS + "/{keyid}'.get.operationId", equalTo("get-api-key-by-id"))
                .body(KEYS + "/{keyid}'.delete.operationId", equalTo("delete-api-key"))
                .body(KEYS + "/{keyid}/expire'.put.operationId", equalTo("expire-api-key"))
                .body(KEYS + "/{keyid}'.get.tags", contains("Users"))
                .body(KEYS + "/tokens'.post.responses.keySet()", hasItems("201", "400", "403", "404", "409"))
                .body(
                        "components.schemas.'codersdk.APIKeyWithOwner'.properties.keySet()",
                        hasItems("username", "allow_list"))
                .body("components.schemas.'codersdk.CreateTokenRequest'.properties.lifetime.format", equalTo("int64"));
    }
}
