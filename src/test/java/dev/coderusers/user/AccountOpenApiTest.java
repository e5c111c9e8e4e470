package dev.coderusers.user;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The account and role endpoints are documented under Coder's operation ids, with the real schemas. */
@QuarkusTest
class AccountOpenApiTest {

    static final String PATHS = "paths.'/api/v2/users/{user}";

    @Test
    void operationsCarryCodersIdsAndSchemas() {
        given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body(PATHS + "/profile'.put.operationId", equalTo("update-user-profile"))
                .body(
                        PATHS + "/profile'.put.requestBody.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/codersdk.UpdateUserProfileRequest"))
                .body(PATHS + "/password'.put.operationId", equalTo("update-user-password"))
                .body(PATHS + "/password'.put.responses.keySet()", hasItems("204", "400", "403", "404", "429"))
                .body(PATHS + "/status/activate'.put.operationId", equalTo("activate-user-account"))
                .body(PATHS + "/status/suspend'.put.operationId", equalTo("suspend-user-account"))
                .body(PATHS + "/login-type'.get.operationId", equalTo("get-user-login-type"))
                .body(
                        PATHS + "/login-type'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/codersdk.UserLoginType"))
                .body(PATHS + "/roles'.get.operationId", equalTo("get-user-roles"))
                // Coder's swagger says codersdk.User here; the real answer is codersdk.UserRoles.
                .body(
                        PATHS + "/roles'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/codersdk.UserRoles"))
                .body(PATHS + "/roles'.put.operationId", equalTo("assign-role-to-user"))
                .body(PATHS + "/roles'.put.security[0].CoderSessionToken", notNullValue())
                .body(
                        "components.schemas.'codersdk.UserRoles'.properties.keySet()",
                        hasItems("roles", "organization_roles"));
    }
}
