package dev.coderusers.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The Users API against the packaged service on a database of its own: first user, sign-in and every place a
 * session token may travel, users created, searched, paged, changed and deleted, preferences, tokens with
 * scopes and allow lists, the price book, and Coder's error bodies. Against the native binary this is what
 * proves the reflection-free JSON (request records, responses, Coder's validation messages), the password
 * hashing, the token secrets and the database mappings of the image.
 */
@QuarkusIntegrationTest
@WithTestResource(value = FreshDatabase.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UsersApiIT {

    static final String PASSWORD = "SomeSecurePassword!";
    static final String SIGNED_OUT =
            "You are signed out or your session has expired. Please sign in again to continue.";
    static final String NOT_FOUND = "Resource not found or you do not have access to this resource";
    /** A class or package name in an error body means a missing reflection registration or a leaked exception. */
    static final String NO_CLASS_NAMES = "(?s)(?!.*(dev\\.coderusers|java\\.|jakarta\\.|com\\.fasterxml|Exception)).*";

    private static String owner;
    private static String organizationId;

    @BeforeEach
    void signedInAsTheOwner() {
        Readiness.awaitReady();
        if (owner == null) {
            createFirstUser();
        }
    }

    @Test
    @Order(1)
    void theFirstUserIsCreatedOnceAndSignsIn() {
        // Done by the set-up for the first test; what is left to see is that it happened once.
        given().get("/api/v2/users/first").then().statusCode(200);
        given().contentType(ContentType.JSON)
                .body(Map.of("email", "other@example.com", "username", "other", "password", PASSWORD))
                .post("/api/v2/users/first")
                .then()
                .statusCode(409)
                .body("message", equalTo("The initial user has already been created."));
        as(owner)
                .get("/api/v2/users/me")
                .then()
                .statusCode(200)
                .body("username", equalTo("admin"))
                .body("roles.name", contains("owner"))
                .body("organization_ids", contains(organizationId))
                .body("login_type", equalTo("password"))
                .body("status", equalTo("active"));
    }

    @Test
    void aSessionTokenIsAcceptedFromEveryPlaceCoderReadsItFrom() {
        given().cookie("coder_session_token", owner)
                .get("/api/v2/users/me")
                .then()
                .statusCode(200);
        given().queryParam("coder_session_token", owner)
                .get("/api/v2/users/me")
                .then()
                .statusCode(200);
        given().header("Coder-Session-Token", owner)
                .get("/api/v2/users/me")
                .then()
                .statusCode(200);
        given().header("Authorization", "Bearer " + owner)
                .get("/api/v2/users/me")
                .then()
                .statusCode(200);
        given().queryParam("access_token", owner).get("/api/v2/users/me").then().statusCode(200);

        expectError(given().get("/api/v2/users/me"), 401).body("message", equalTo(SIGNED_OUT));
        expectError(
                        given().header("Coder-Session-Token", owner.substring(0, 11) + "x".repeat(22))
                                .get("/api/v2/users/me"),
                        401)
                .body("message", equalTo(SIGNED_OUT))
                .body("detail", equalTo("API key secret is invalid."));
    }

    @Test
    void usersAreCreatedSearchedAndPaged() {
        for (String name : List.of("search-bob", "search-carol", "search-dave")) {
            createUser(name);
        }

        as(owner)
                .queryParam("q", "search- status:dormant")
                .get("/api/v2/users")
                .then()
                .statusCode(200)
                .body("count", equalTo(3))
                .body("users.username", contains("search-bob", "search-carol", "search-dave"));
        as(owner)
                .queryParam("q", "search-car")
                .get("/api/v2/users")
                .then()
                .statusCode(200)
                .body("users.username", contains("search-carol"));
        as(owner)
                .queryParam("q", "role:owner login_type:password")
                .get("/api/v2/users")
                .then()
                .statusCode(200)
                .body("users.username", contains("admin"));

        // A page: count is every match, the page is in username order.
        String bobId = as(owner)
                .queryParam("q", "search-")
                .queryParam("limit", 1)
                .get("/api/v2/users")
                .then()
                .statusCode(200)
                .body("count", equalTo(3))
                .body("users", hasSize(1))
                .body("users[0].username", equalTo("search-bob"))
                .extract()
                .path("users[0].id");
        as(owner)
                .queryParam("q", "search-")
                .queryParam("limit", 1)
                .queryParam("offset", 2)
                .get("/api/v2/users")
                .then()
                .statusCode(200)
                .body("users.username", contains("search-dave"));
        as(owner)
                .queryParam("q", "search-")
                .queryParam("after_id", bobId)
                .get("/api/v2/users")
                .then()
                .statusCode(200)
                .body("users.username", contains("search-carol", "search-dave"));

        // Coder's query language errors are a 400 naming the field.
        expectError(as(owner).queryParam("q", "status:sleeping").get("/api/v2/users"), 400)
                .body("validations[0].field", equalTo("status"));
        expectError(as(owner).queryParam("limit", "many").get("/api/v2/users"), 400)
                .body("validations[0].field", equalTo("limit"));
    }

    @Test
    void profilePasswordStatusAndRolesChange() {
        createUser("change-erin");

        as(owner)
                .contentType(ContentType.JSON)
                .body(Map.of("username", "change-erin2", "name", "Erin E."))
                .put("/api/v2/users/change-erin/profile")
                .then()
                .statusCode(200)
                .body("username", equalTo("change-erin2"))
                .body("name", equalTo("Erin E."));

        as(owner)
                .contentType(ContentType.JSON)
                .body(Map.of("password", "AnotherSecurePassword!2"))
                .put("/api/v2/users/change-erin2/password")
                .then()
                .statusCode(204);
        expectError(login("change-erin@example.com", PASSWORD), 401);
        String erin = login("change-erin@example.com", "AnotherSecurePassword!2")
                .then()
                .statusCode(201)
                .extract()
                .path("session_token");
        as(erin).get("/api/v2/users/me").then().statusCode(200).body("status", equalTo("active"));

        as(owner)
                .put("/api/v2/users/change-erin2/status/suspend")
                .then()
                .statusCode(200)
                .body("status", equalTo("suspended"));
        expectError(as(erin).get("/api/v2/users/me"), 401);
        as(owner)
                .put("/api/v2/users/change-erin2/status/activate")
                .then()
                .statusCode(200)
                .body("status", equalTo("active"));

        as(owner)
                .contentType(ContentType.JSON)
                .body(Map.of("roles", List.of("template-admin", "auditor")))
                .put("/api/v2/users/change-erin2/roles")
                .then()
                .statusCode(200)
                .body("roles.name", containsInAnyOrder("template-admin", "auditor"));
        as(owner)
                .get("/api/v2/users/change-erin2/roles")
                .then()
                .statusCode(200)
                .body("roles", containsInAnyOrder("template-admin", "auditor"));
        expectError(
                        as(owner)
                                .contentType(ContentType.JSON)
                                .body(Map.of("roles", List.of("emperor")))
                                .put("/api/v2/users/change-erin2/roles"),
                        400)
                .body("message", not(empty()));

        as(owner).delete("/api/v2/users/change-erin2").then().statusCode(200);
        expectError(as(owner).get("/api/v2/users/change-erin2"), 404).body("message", equalTo(NOT_FOUND));
    }

    @Test
    void preferencesAndAppearanceAreKept() {
        as(owner)
                .get("/api/v2/users/me/appearance")
                .then()
                .statusCode(200)
                .body("theme_preference", equalTo(""))
                .body("terminal_font", equalTo(""));
        as(owner)
                .contentType(ContentType.JSON)
                .body(Map.of("theme_preference", "dark", "terminal_font", "fira-code"))
                .put("/api/v2/users/me/appearance")
                .then()
                .statusCode(200)
                .body("theme_preference", equalTo("dark"));
        as(owner).get("/api/v2/users/me/appearance").then().body("terminal_font", equalTo("fira-code"));
        expectError(
                        as(owner)
                                .contentType(ContentType.JSON)
                                .body(Map.of("theme_preference", "dark", "terminal_font", "comic-sans"))
                                .put("/api/v2/users/me/appearance"),
                        400)
                .body("message", equalTo("Unsupported font family."));

        as(owner)
                .contentType(ContentType.JSON)
                .body(Map.of("task_notification_alert_dismissed", true))
                .put("/api/v2/users/me/preferences")
                .then()
                .statusCode(200)
                .body("task_notification_alert_dismissed", equalTo(true))
                .body("thinking_display_mode", equalTo("auto"));
        as(owner)
                .get("/api/v2/users/me/preferences")
                .then()
                .statusCode(200)
                .body("task_notification_alert_dismissed", equalTo(true));
    }

    @Test
    void gitSshKeysAreGeneratedAndRegenerated() {
        createUser("ssh-frank");
        String first = as(owner)
                .get("/api/v2/users/ssh-frank/gitsshkey")
                .then()
                .statusCode(200)
                .body("public_key", matchesPattern("^ssh-ed25519 [A-Za-z0-9+/=]+\\n$"))
                .extract()
                .path("public_key");
        String second = as(owner)
                .put("/api/v2/users/ssh-frank/gitsshkey")
                .then()
                .statusCode(200)
                .body("public_key", matchesPattern("^ssh-ed25519 [A-Za-z0-9+/=]+\\n$"))
                .extract()
                .path("public_key");
        assertThat(second).isNotEqualTo(first);
        SshPublicKeys.assertValid(second, "ssh-ed25519");
    }

    @Test
    void tokensCarryScopesAndAllowListsAndAreRevoked() {
        String workspace = "0b8d9e57-2b7e-4a52-9b7e-4c3a2f6d1e00";
        String token = as(owner)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "token_name", "ci-narrow",
                        "scopes", List.of("workspace:read", "user:read"),
                        "allow_list", List.of("workspace:" + workspace)))
                .post("/api/v2/users/me/keys/tokens")
                .then()
                .statusCode(201)
                .body("key", matchesPattern("^[0-9a-zA-Z]{10}-[0-9a-zA-Z]{22}$"))
                .extract()
                .path("key");
        as(owner)
                .get("/api/v2/users/me/keys/tokens/ci-narrow")
                .then()
                .statusCode(200)
                .body("scopes", containsInAnyOrder("workspace:read", "user:read"))
                .body("allow_list", contains("workspace:" + workspace))
                .body("login_type", equalTo("token"));
        as(owner).get("/api/v2/users/me/keys/tokens").then().statusCode(200).body("token_name", hasItem("ci-narrow"));
        as(owner)
                .get("/api/v2/users/me/keys/tokens/tokenconfig")
                .then()
                .statusCode(200)
                .body("max_token_lifetime", greaterThan(0L));
        expectError(
                        as(owner)
                                .contentType(ContentType.JSON)
                                .body(Map.of("token_name", "ci-narrow"))
                                .post("/api/v2/users/me/keys/tokens"),
                        409)
                .body("message", not(empty()));
        expectError(
                        as(owner)
                                .contentType(ContentType.JSON)
                                .body(Map.of("token_name", "bad", "allow_list", List.of("spaceship:*")))
                                .post("/api/v2/users/me/keys/tokens"),
                        400)
                .body("message", not(empty()));

        as(token).get("/api/v2/users/me").then().statusCode(200).body("username", equalTo("admin"));
        as(owner)
                .delete("/api/v2/users/me/keys/" + token.substring(0, 10))
                .then()
                .statusCode(204);
        expectError(as(token).get("/api/v2/users/me"), 401).body("message", equalTo(SIGNED_OUT));
    }

    @Test
    void thePriceBookIsReadBySignedInUsers() {
        as(owner).get("/api/v2/ai-model-prices").then().statusCode(200).body("size()", greaterThan(0));
        as(owner)
                .queryParam("provider", "openai")
                .get("/api/v2/ai-model-prices")
                .then()
                .statusCode(200)
                .body("size()", greaterThan(0))
                .body("provider", everyItem(equalTo("openai")));
        expectError(given().get("/api/v2/ai-model-prices"), 401).body("message", equalTo(SIGNED_OUT));
    }

    @Test
    void everyErrorIsCodersJsonEnvelope() {
        expectError(as(owner).contentType(ContentType.JSON).body("{}").post("/api/v2/users"), 400)
                .body("validations.field", hasItem("username"));
        expectError(as(owner).contentType(ContentType.JSON).body("{\"email\":").post("/api/v2/users"), 400)
                .body("message", equalTo("Request body must be valid JSON."));
        expectError(
                        as(owner)
                                .contentType(ContentType.JSON)
                                .body("{\"email\":42}")
                                .post("/api/v2/users"),
                        400)
                .body("message", not(empty()));
        expectError(as(owner).get("/api/v2/users/nobody-here"), 404).body("message", equalTo(NOT_FOUND));
        expectError(as(owner).get("/api/v2/users/00000000-0000-0000-0000-00000000abcd"), 404)
                .body("message", equalTo(NOT_FOUND));
        expectError(as(owner).get("/api/v2/users/me/keys/0123456789"), 404);
        expectError(given().get("/api/v2/no-such-route"), 404).body("message", equalTo("Route not found."));

        // Logging out revokes the session.
        String session = login("admin@example.com", PASSWORD)
                .then()
                .statusCode(201)
                .extract()
                .path("session_token");
        as(session).post("/api/v2/users/logout").then().statusCode(200).body("message", equalTo("Logged out!"));
        expectError(as(session).get("/api/v2/users/me"), 401).body("message", equalTo(SIGNED_OUT));
    }

    /** Asserts an error answer: the status, Coder's JSON envelope, and no Java names in it. */
    static ValidatableResponse expectError(io.restassured.response.Response response, int status) {
        return response.then()
                .statusCode(status)
                .contentType(ContentType.JSON)
                .body("message", not(empty()))
                .body(matchesPattern(NO_CLASS_NAMES));
    }

    static RequestSpecification as(String token) {
        return given().header("Coder-Session-Token", token);
    }

    /** Creates the first user, admin@example.com (an owner), and answers its session token. */
    static String firstOwnerSession() {
        given().contentType(ContentType.JSON)
                .body(Map.of("email", "admin@example.com", "username", "admin", "password", PASSWORD))
                .post("/api/v2/users/first")
                .then()
                .statusCode(201);
        return login("admin@example.com", PASSWORD)
                .then()
                .statusCode(201)
                .extract()
                .path("session_token");
    }

    static io.restassured.response.Response login(String email, String password) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", password))
                .post("/api/v2/users/login");
    }

    private static void createUser(String username) {
        as(owner)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "email",
                        username + "@example.com",
                        "username",
                        username,
                        "password",
                        PASSWORD,
                        "organization_ids",
                        List.of(organizationId)))
                .post("/api/v2/users")
                .then()
                .statusCode(201)
                .body("status", equalTo("dormant"))
                .body("organization_ids", contains(organizationId));
    }

    private static void createFirstUser() {
        given().get("/api/v2/users/first").then().statusCode(404);
        organizationId = given().contentType(ContentType.JSON)
                .body(Map.of("email", "admin@example.com", "username", "admin", "password", PASSWORD))
                .post("/api/v2/users/first")
                .then()
                .statusCode(201)
                .extract()
                .path("organization_id");
        owner = login("admin@example.com", PASSWORD)
                .then()
                .statusCode(201)
                .body("session_token", matchesPattern("^[0-9a-zA-Z]{10}-[0-9a-zA-Z]{22}$"))
                .extract()
                .path("session_token");
    }
}
