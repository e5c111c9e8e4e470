package dev.coderusers.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The published OpenAPI document of the personal-settings endpoints: Coder's operation ids and tags, the
 * session security, the statuses they answer, and the places where this service differs from Coder.
 */
@QuarkusTest
class PersonalEndpointsOpenApiTest {

    JsonPath spec;

    @BeforeEach
    void fetch() {
        spec = given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @ParameterizedTest
    @CsvSource({
        "/api/v2/users/{user}/appearance, get, get-user-appearance-settings, codersdk.UserAppearanceSettings",
        "/api/v2/users/{user}/appearance, put, update-user-appearance-settings, codersdk.UserAppearanceSettings",
        "/api/v2/users/{user}/preferences, get, get-user-preference-settings, codersdk.UserPreferenceSettings",
        "/api/v2/users/{user}/preferences, put, update-user-preference-settings, codersdk.UserPreferenceSettings",
        "/api/v2/users/{user}/gitsshkey, get, get-user-git-ssh-key, codersdk.GitSSHKey",
        "/api/v2/users/{user}/gitsshkey, put, regenerate-user-ssh-key, codersdk.GitSSHKey",
        "/api/v2/users/{user}/organizations/{organizationname}, get,"
                + " get-organization-by-user-and-organization-name, codersdk.Organization"
    })
    void singleObjectEndpointsCarryCodersIdsAndSchemas(String path, String method, String operationId, String schema) {
        Map<String, Object> operation = operation(path, method);

        assertThat(operation).containsEntry("operationId", operationId);
        assertThat(operation.get("tags")).isEqualTo(List.of("Users"));
        assertThat(operation.get("security")).isEqualTo(List.of(Map.of("CoderSessionToken", List.of())));
        assertThat(spec.getString(responseSchemaPath(path, method) + ".$ref"))
                .isEqualTo("#/components/schemas/" + schema);
        assertThat(responses(path, method)).contains("200", "401", "404");
    }

    @ParameterizedTest
    @CsvSource({
        "/api/v2/users/{user}/organizations, get-organizations-by-user, codersdk.Organization",
        "/api/v2/users/{user}/autofill-parameters, get-autofill-build-parameters-for-user, codersdk.UserParameter"
    })
    void listEndpointsCarryCodersIdsAndItemSchemas(String path, String operationId, String schema) {
        assertThat(operation(path, "get")).containsEntry("operationId", operationId);
        assertThat(spec.getString(responseSchemaPath(path, "get") + ".type")).isEqualTo("array");
        assertThat(spec.getString(responseSchemaPath(path, "get") + ".items.$ref"))
                .isEqualTo("#/components/schemas/" + schema);
    }

    @ParameterizedTest
    @CsvSource({
        "/api/v2/users/{user}/appearance, get",
        "/api/v2/users/{user}/appearance, put",
        "/api/v2/users/{user}/preferences, get",
        "/api/v2/users/{user}/preferences, put",
        "/api/v2/users/{user}/gitsshkey, get",
        "/api/v2/users/{user}/gitsshkey, put",
        "/api/v2/users/{user}/autofill-parameters, get"
    })
    void where404ReplacesCoders500TheDescriptionSaysSo(String path, String method) {
        assertThat((String) operation(path, method).get("description"))
                .contains("(auditor, template-admin) get 404 here, where Coder answers 500");
    }

    @Test
    void autofillSaysItAlwaysAnswersAnEmptyListAndRequiresTheTemplateId() {
        Map<String, Object> operation = operation("/api/v2/users/{user}/autofill-parameters", "get");

        assertThat((String) operation.get("description")).contains("holds no workspaces or builds", "always []");
        List<Map<String, Object>> parameters = spec.getList(
                "paths.'/api/v2/users/{user}/autofill-parameters'.get.parameters.findAll { it.name == 'template_id' }");
        assertThat(parameters).singleElement().satisfies(p -> assertThat(p).containsEntry("required", true));
    }

    @Test
    void theGitSshKeySchemaHasNoPrivateKey() {
        assertThat(spec.getMap("components.schemas.'codersdk.GitSSHKey'.properties"))
                .containsOnlyKeys("user_id", "created_at", "updated_at", "public_key");
    }

    private Map<String, Object> operation(String path, String method) {
        return spec.getMap("paths.'" + path + "'." + method);
    }

    private List<String> responses(String path, String method) {
        Map<String, Object> responses = spec.getMap("paths.'" + path + "'." + method + ".responses");
        return List.copyOf(responses.keySet());
    }

    private static String responseSchemaPath(String path, String method) {
        return "paths.'" + path + "'." + method + ".responses.'200'.content.'application/json'.schema";
    }
}
