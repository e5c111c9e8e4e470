package dev.coderusers.api;

import static io.restassured.RestAssured.given;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coderusers.api.SwaggerComparison.Difference;
import dev.coderusers.openapi.OpenApiContractFilter;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The document at {@code /q/openapi} against Coder's published swagger for every {@code /api/v2/users} path
 * ({@code src/test/resources/openapi/coder-swagger-users.json}, see the README there): same paths and methods,
 * operation ids, summaries, tags and security, same parameters, same request and response schemas (names,
 * property names, types, required properties). Every intended difference is listed, with its reason, in
 * {@link #INTENTIONAL_DIFFERENCES}; any other difference fails, and so does an entry that no longer matches one.
 */
@QuarkusTest
class OpenApiCompatibilityTest {

    private static final String NOT_IN_REFERENCE =
            "Out of scope, each with its reason in the README (Differences from Coder): ";
    private static final String CODER_500 = "The caller's mistake gets its 4xx here; Coder fails with 500: ";

    /**
     * The one list of deliberate differences from Coder's swagger, keyed as {@link SwaggerComparison} reports
     * them (operations without their {@code /api/v2} prefix).
     */
    static final Map<String, String> INTENTIONAL_DIFFERENCES = Map.ofEntries(
            // Paths of the swagger that this service does not serve.
            entry("GET /users/{user}/notifications/preferences: not served", NOT_IN_REFERENCE + "notifications"),
            entry("PUT /users/{user}/notifications/preferences: not served", NOT_IN_REFERENCE + "notifications"),
            entry("GET /users/{user}/quiet-hours: not served", NOT_IN_REFERENCE + "quiet hours (Enterprise)"),
            entry("PUT /users/{user}/quiet-hours: not served", NOT_IN_REFERENCE + "quiet hours (Enterprise)"),
            entry("POST /users/{user}/webpush/subscription: not served", NOT_IN_REFERENCE + "web push"),
            entry("DELETE /users/{user}/webpush/subscription: not served", NOT_IN_REFERENCE + "web push"),
            entry("POST /users/{user}/webpush/test: not served", NOT_IN_REFERENCE + "web push"),
            entry("POST /users/{user}/workspaces: not served", NOT_IN_REFERENCE + "workspaces"),
            entry("GET /users/{user}/workspace/{workspacename}: not served", NOT_IN_REFERENCE + "workspaces"),
            entry(
                    "GET /users/{user}/workspace/{workspacename}/builds/{buildnumber}: not served",
                    NOT_IN_REFERENCE + "workspace builds"),

            // Where the swagger is wrong (users-api.md §1.9): the service follows Coder's real behaviour.
            entry(
                    "GET /users/{user}/roles 200: schema codersdk.UserRoles",
                    "§1.9.1: Coder answers codersdk.UserRoles {roles, organization_roles}, not codersdk.User"),
            entry(
                    "GET /users/{user}/keys/tokens 200[]: schema codersdk.APIKeyWithOwner",
                    "§1.9.2: each token carries its user's username (checked property by property below);"
                            + " the body is null when there are none"),
            entry(
                    "GET /users/{user}/keys/tokens: parameter include_all (query) not in Coder's swagger",
                    "§1.9.7: include_all=true lists the tokens of every user the caller may read"),
            entry(
                    "codersdk.APIKey.allow_list[]: type",
                    "§1.9.3: allow list entries travel as \"<type>:<id>\" strings, not {id, type} objects"),
            entry(
                    "codersdk.CreateTokenRequest.allow_list[]: type",
                    "§1.9.3: allow list entries travel as \"<type>:<id>\" strings, not {id, type} objects"),
            entry(
                    "DELETE /users/{user} 200: body not in Coder's swagger",
                    "§1.9.4: Coder answers {\"message\":\"User has been deleted!\"}"),
            entry("GET /users/first: security", "§1.9.5: public, before any user exists"),
            entry("POST /users/first: security", "§1.9.5: public, before any user exists"),
            entry("GET /users/authmethods: security", "§1.9.5: public, for the login page"),
            entry("GET /users/oauth2/github/callback: security", "§1.9.5: public, the browser signs in through it"),
            entry("GET /users/oauth2/github/device: security", "§1.9.5: public, the device flow starts signed out"),
            entry("GET /users/oidc/callback: security", "§1.9.5: public, the browser signs in through it"),
            entry(
                    "GET /users/oauth2/github/callback 200: response not in Coder's swagger",
                    "With the device flow Coder answers 200 {redirect_url} instead of redirecting"),

            // Where Coder answers 500 for a client mistake, this service answers the right 4xx (users-api.md).
            entry(
                    "POST /users: 4xx where Coder answers 500",
                    CODER_500 + "unknown or unassignable roles, a user_status outside the enumeration"),
            entry(
                    "PUT /users/{user}/profile: 4xx where Coder answers 500",
                    CODER_500 + "auditors and template-admins changing another user's name (§2.32)"),
            entry(
                    "PUT /users/{user}/password: 4xx where Coder answers 500",
                    CODER_500 + "a user-admin changing another user's password (§2.29)"),
            entry(
                    "PUT /users/{user}/status/activate: 4xx where Coder answers 500",
                    CODER_500 + "callers who may read but not update the user (§2.35)"),
            entry(
                    "PUT /users/{user}/status/suspend: 4xx where Coder answers 500",
                    CODER_500 + "callers who may read but not update the user (§2.36)"),
            entry(
                    "GET /users/{user}/appearance: 4xx where Coder answers 500",
                    CODER_500 + "auditors and template-admins (§2.14)"),
            entry(
                    "PUT /users/{user}/appearance: 4xx where Coder answers 500",
                    CODER_500 + "auditors and template-admins (§2.15)"),
            entry(
                    "GET /users/{user}/preferences: 4xx where Coder answers 500",
                    CODER_500 + "auditors and template-admins (§2.30)"),
            entry(
                    "PUT /users/{user}/preferences: 4xx where Coder answers 500",
                    CODER_500 + "auditors and template-admins (§2.31)"),
            entry(
                    "GET /users/{user}/gitsshkey: 4xx where Coder answers 500",
                    CODER_500 + "auditors and template-admins (§2.17)"),
            entry(
                    "PUT /users/{user}/gitsshkey: 4xx where Coder answers 500",
                    CODER_500 + "auditors and template-admins (§2.18)"),
            entry(
                    "GET /users/{user}/autofill-parameters: 4xx where Coder answers 500",
                    CODER_500 + "auditors and template-admins (§2.16)"),
            entry(
                    "POST /users/{user}/keys: 4xx where Coder answers 500",
                    CODER_500 + "another user's key for callers who are not owners (§2.19)"),
            entry(
                    "POST /users/{user}/keys/tokens: 4xx where Coder answers 500",
                    CODER_500 + "another user's token for callers who are not owners (§2.21)"),
            entry(
                    "GET /users/oidc-claims: 4xx where Coder answers 500",
                    CODER_500 + "no OpenID Connect sign-in recorded yet (§2.10)"),
            entry(
                    "GET /users/oauth2/github/callback: 4xx where Coder answers 500",
                    CODER_500 + "a code the provider refused (§2.8), an expired login conversion"),
            entry(
                    "GET /users/oidc/callback: 4xx where Coder answers 500",
                    CODER_500 + "a code the provider refused (§2.11), an expired login conversion"));

    /** The endpoints of Coder's Users API reference (coder-users-api-reference.md): all must be served. */
    static final List<String> REFERENCE_ENDPOINTS = List.of(
            "GET /users",
            "POST /users",
            "GET /users/authmethods",
            "GET /users/first",
            "POST /users/first",
            "POST /users/logout",
            "GET /users/oauth2/github/callback",
            "GET /users/oauth2/github/device",
            "GET /users/oidc-claims",
            "GET /users/oidc/callback",
            "GET /users/{user}",
            "DELETE /users/{user}",
            "GET /users/{user}/appearance",
            "PUT /users/{user}/appearance",
            "GET /users/{user}/autofill-parameters",
            "GET /users/{user}/gitsshkey",
            "PUT /users/{user}/gitsshkey",
            "POST /users/{user}/keys",
            "GET /users/{user}/keys/tokens",
            "POST /users/{user}/keys/tokens",
            "GET /users/{user}/keys/tokens/{keyname}",
            "GET /users/{user}/keys/{keyid}",
            "DELETE /users/{user}/keys/{keyid}",
            "PUT /users/{user}/keys/{keyid}/expire",
            "GET /users/{user}/login-type",
            "GET /users/{user}/organizations",
            "GET /users/{user}/organizations/{organizationname}",
            "PUT /users/{user}/password",
            "GET /users/{user}/preferences",
            "PUT /users/{user}/preferences",
            "PUT /users/{user}/profile",
            "GET /users/{user}/roles",
            "PUT /users/{user}/roles",
            "PUT /users/{user}/status/activate",
            "PUT /users/{user}/status/suspend");

    private static final ObjectMapper JSON = new ObjectMapper();

    JsonNode ours;
    JsonNode coders;

    @BeforeEach
    void documents() throws IOException {
        ours = JSON.readTree(given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray());
        try (InputStream swagger = getClass().getResourceAsStream("/openapi/coder-swagger-users.json")) {
            coders = JSON.readTree(swagger);
        }
    }

    @Test
    void everyUsersOperationMatchesCodersSwaggerOrIsAListedDifference() {
        List<Difference> differences = new SwaggerComparison(ours, coders, "/api/v2").compareOperations("/users");

        List<String> unexpected = differences.stream()
                .filter(d -> !INTENTIONAL_DIFFERENCES.containsKey(d.key()))
                .map(d -> d.key() + "  (" + d.detail() + ")")
                .toList();
        Set<String> found = differences.stream().map(Difference::key).collect(Collectors.toSet());
        Set<String> stale = new TreeSet<>(INTENTIONAL_DIFFERENCES.keySet());
        stale.removeAll(found);

        List<String> problems = new ArrayList<>();
        if (!unexpected.isEmpty()) {
            problems.add(unexpected.size() + " difference(s) from Coder's swagger that INTENTIONAL_DIFFERENCES does"
                    + " not list (fix the code, or list the key with its reason):");
            unexpected.forEach(difference -> problems.add("  " + difference));
        }
        if (!stale.isEmpty()) {
            problems.add("INTENTIONAL_DIFFERENCES entries that no longer match a difference (remove them):");
            stale.forEach(key -> problems.add("  " + key));
        }
        assertThat(problems)
                .withFailMessage("%n%s", String.join(System.lineSeparator(), problems))
                .isEmpty();
    }

    @Test
    void everyEndpointOfTheReferenceIsServedAndInCodersSwagger() {
        List<String> problems = new ArrayList<>();
        for (String endpoint : REFERENCE_ENDPOINTS) {
            String method = endpoint.substring(0, endpoint.indexOf(' ')).toLowerCase();
            String path = "/api/v2" + endpoint.substring(endpoint.indexOf(' ') + 1);
            if (!ours.path("paths").path(path).has(method)) {
                problems.add(endpoint + " is not served");
            }
            if (!coders.path("paths").path(path).has(method)) {
                problems.add(endpoint + " is not in Coder's swagger");
            }
            if (INTENTIONAL_DIFFERENCES.containsKey(endpoint + ": not served")) {
                problems.add(endpoint + " is listed as not served");
            }
        }

        assertThat(REFERENCE_ENDPOINTS).hasSize(35).doesNotHaveDuplicates();
        assertThat(problems).isEmpty();
    }

    @Test
    void aTokenOfTheListIsCodersApiKeyWithTheUsername() {
        JsonNode schemas = ours.path("components").path("schemas");
        JsonNode withOwner = schemas.path("codersdk.APIKeyWithOwner");
        JsonNode apiKey = schemas.path("codersdk.APIKey");

        Set<String> expected = new TreeSet<>();
        apiKey.path("properties").fieldNames().forEachRemaining(expected::add);
        expected.add("username");
        Set<String> actual = new TreeSet<>();
        withOwner.path("properties").fieldNames().forEachRemaining(actual::add);
        assertThat(actual).isEqualTo(expected);
        apiKey.path("properties")
                .fields()
                .forEachRemaining(property -> assertThat(withOwner
                                .path("properties")
                                .path(property.getKey())
                                .path("type"))
                        .as(property.getKey())
                        .isEqualTo(property.getValue().path("type")));
        assertThat(withOwner.path("required")).isEqualTo(apiKey.path("required"));
        assertThat(withOwner.path("properties").path("username").path("type").asText())
                .isEqualTo("string");
    }

    @Test
    void theSessionTokenSchemeIsCoders() {
        JsonNode coder = coders.path("securityDefinitions").path(OpenApiContractFilter.SESSION_TOKEN);
        JsonNode our = ours.path("components").path("securitySchemes").path(OpenApiContractFilter.SESSION_TOKEN);

        assertThat(our.path("type").asText())
                .isEqualTo(coder.path("type").asText())
                .isEqualTo("apiKey");
        assertThat(our.path("in").asText()).isEqualTo(coder.path("in").asText()).isEqualTo("header");
        assertThat(our.path("name").asText())
                .isEqualTo(coder.path("name").asText())
                .isEqualTo("Coder-Session-Token");
    }
}
