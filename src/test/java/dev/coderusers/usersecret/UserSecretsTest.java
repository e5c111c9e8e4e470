package dev.coderusers.usersecret;

import static dev.coderusers.testsupport.ApiMessages.NOT_FOUND;
import static dev.coderusers.testsupport.ApiMessages.SIGNED_OUT;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import dev.coderusers.testsupport.TestUsers;
import dev.coderusers.testsupport.TestUsers.TestUser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code /users/{user}/secrets}: the five operations, Coder's validation, conflicts, limits and who may. */
@QuarkusTest
class UserSecretsTest {

    static final String SECRETS = "/api/v2/users/{user}/secrets";

    @Inject
    TestUsers testUsers;

    TestUser alice;
    Map<String, TestUser> callers;

    @BeforeEach
    void reset() {
        testUsers.deleteAll();
        alice = testUsers.create("alice");
        callers = testUsers.oneOfEachRole();
    }

    static RequestSpecification as(TestUser user) {
        return given().header("Coder-Session-Token", user.token()).contentType(ContentType.JSON);
    }

    static Map<String, Object> secret(String name, String value) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("value", value);
        return body;
    }

    ValidatableResponse create(TestUser user, Object body) {
        return as(user).body(body).post(SECRETS, "me").then();
    }

    @Test
    void aUserCreatesListsGetsUpdatesAndDeletesItsSecretsAndNeverSeesTheValue() {
        Map<String, Object> github = secret("github-token", "ghp_xxxxxxxxxxxx");
        github.put("description", "Personal GitHub PAT");
        github.put("env_name", "GITHUB_TOKEN");
        github.put("file_path", "~/.github-token");
        String id = create(alice, github)
                .statusCode(201)
                .body("name", equalTo("github-token"))
                .body("description", equalTo("Personal GitHub PAT"))
                .body("env_name", equalTo("GITHUB_TOKEN"))
                .body("file_path", equalTo("~/.github-token"))
                .body("created_at", not(equalTo(null)))
                .body("$", not(hasKey("value")))
                .extract()
                .path("id");
        create(alice, secret("aws-key", "AKIA..."))
                .statusCode(201)
                .body("description", equalTo(""))
                .body("env_name", equalTo(""))
                .body("file_path", equalTo(""));

        // Listed by name; no value anywhere.
        as(alice)
                .get(SECRETS, alice.username())
                .then()
                .statusCode(200)
                .body("name", contains("aws-key", "github-token"))
                .body("$", everyItem(not(hasKey("value"))));
        as(alice)
                .get(SECRETS + "/{name}", "me", "github-token")
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("$", not(hasKey("value")));

        as(alice)
                .body(Map.of("description", "rotated", "value", "ghp_yyyy"))
                .patch(SECRETS + "/{name}", "me", "github-token")
                .then()
                .statusCode(200)
                .body("description", equalTo("rotated"))
                .body("env_name", equalTo("GITHUB_TOKEN"))
                .body("$", not(hasKey("value")));

        as(alice).delete(SECRETS + "/{name}", "me", "github-token").then().statusCode(204);
        as(alice)
                .get(SECRETS + "/{name}", "me", "github-token")
                .then()
                .statusCode(404)
                .body("message", equalTo(NOT_FOUND));
        as(alice).get(SECRETS, "me").then().statusCode(200).body("name", contains("aws-key"));
    }

    @Test
    void aUserWithoutSecretsListsAnEmptyArray() {
        as(alice).get(SECRETS, "me").then().statusCode(200).body("$", empty());
    }

    @Test
    void namesWithSpacesAndOtherCharactersWorkInThePath() {
        create(alice, secret("my key (prod)", "v")).statusCode(201);
        as(alice).get(SECRETS + "/{name}", "me", "my key (prod)").then().statusCode(200);
    }

    @Test
    void signedOutCallersGet401() {
        given().get(SECRETS, alice.id()).then().statusCode(401).body("message", equalTo(SIGNED_OUT));
        given().contentType(ContentType.JSON)
                .body(secret("x", "y"))
                .post(SECRETS, alice.id())
                .then()
                .statusCode(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"owner", "user-admin", "template-admin", "auditor", "member"})
    void nobodyElseReachesAUsersSecretsNotEvenAnOwner(String role) {
        create(alice, secret("private", "v")).statusCode(201);
        TestUser caller = callers.get(role);

        as(caller).get(SECRETS, alice.id()).then().statusCode(404).body("message", equalTo(NOT_FOUND));
        as(caller).get(SECRETS + "/{name}", alice.username(), "private").then().statusCode(404);
        as(caller).body(secret("planted", "v")).post(SECRETS, alice.id()).then().statusCode(404);
        as(caller)
                .body(Map.of("value", "changed"))
                .patch(SECRETS + "/{name}", alice.id(), "private")
                .then()
                .statusCode(404);
        as(caller).delete(SECRETS + "/{name}", alice.id(), "private").then().statusCode(404);
        assertThat(QuarkusTransaction.requiringNew().call(() -> UserSecret.listOf(alice.id())))
                .extracting(s -> s.name)
                .containsExactly("private");
    }

    @Test
    void everyInvalidFieldIsReportedAtOnce() {
        Map<String, Object> bad = new HashMap<>();
        bad.put("name", " padded");
        bad.put("value", "");
        bad.put("env_name", "1INVALID");
        bad.put("file_path", "relative/path");
        create(alice, bad)
                .statusCode(400)
                .body("message", equalTo("Validation failed."))
                .body("validations.field", contains("name", "value", "env_name", "file_path"))
                .body(
                        "validations.detail",
                        contains(
                                "Name must not have leading or trailing whitespace.",
                                "Value is required.",
                                "must start with a letter or underscore, followed by letters, digits, or underscores",
                                "file path must start with ~/ or /"));
        create(alice, Map.of())
                .statusCode(400)
                .body("validations.field", contains("name", "value"))
                .body("validations.detail", contains("Name is required.", "Value is required."));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "name|a/b|Name must not contain /, ?, or #.",
                "env_name|PATH|PATH is a reserved environment variable name",
                "env_name|path|PATH is a reserved environment variable name",
                "env_name|CODER_AGENT_TOKEN|environment variable names starting with CODER_ are reserved for internal"
                        + " use",
                "env_name|GIT_SSH_COMMAND|environment variables starting with GIT_ are reserved",
                "env_name|LD_PRELOAD|environment variables starting with LD_ are reserved",
                "file_path|/etc/x\u0000y|file path must not contain null bytes",
                "value|a\u0000b|secret value must not contain null bytes",
                "name|a\u0000b|Name must not contain null bytes."
            })
    void codersFieldRules(String field, String value, String detail) {
        Map<String, Object> body = secret("rule-test", "v");
        body.put(field, value);
        create(alice, body)
                .statusCode(400)
                .body("validations.field", contains(field))
                .body("validations[0].detail", equalTo(detail));
    }

    @Test
    void aValueOver24KiBIsRefused() {
        create(alice, secret("big", "x".repeat(24 * 1024 + 1)))
                .statusCode(400)
                .body("validations[0].detail", equalTo("secret value must not exceed 24576 bytes"));
        create(alice, secret("just-fits", "x".repeat(24 * 1024))).statusCode(201);
    }

    @Test
    void namesVariablesAndPathsAreUniquePerUserWith409() {
        Map<String, Object> first = secret("one", "v1");
        first.put("env_name", "SHARED_ENV");
        first.put("file_path", "/shared/path");
        create(alice, first).statusCode(201);

        Map<String, Object> clash = secret("one", "v2");
        clash.put("env_name", "SHARED_ENV");
        clash.put("file_path", "/shared/path");
        create(alice, clash)
                .statusCode(409)
                .body("message", equalTo("Validation failed."))
                .body("validations.field", contains("name", "env_name", "file_path"))
                .body(
                        "validations.detail",
                        contains(
                                "Name is already in use.",
                                "Environment variable name is already in use.",
                                "File path is already in use."));
        // Another user may use the same names.
        create(callers.get("member"), clash).statusCode(201);

        create(alice, secret("two", "v")).statusCode(201);
        as(alice)
                .body(Map.of("env_name", "SHARED_ENV"))
                .patch(SECRETS + "/{name}", "me", "two")
                .then()
                .statusCode(409)
                .body("validations.field", contains("env_name"));
        // Empty variables and paths never clash.
        create(alice, secret("three", "v")).statusCode(201);
    }

    @Test
    void anUpdateNeedsAFieldAndAnExistingSecret() {
        create(alice, secret("one", "v")).statusCode(201);
        as(alice)
                .body(Map.of())
                .patch(SECRETS + "/{name}", "me", "one")
                .then()
                .statusCode(400)
                .body("message", equalTo("At least one field must be provided."));
        as(alice)
                .body(Map.of("value", "x"))
                .patch(SECRETS + "/{name}", "me", "missing")
                .then()
                .statusCode(404);
        as(alice)
                .body(Map.of("env_name", "HOME", "file_path", "nope"))
                .patch(SECRETS + "/{name}", "me", "one")
                .then()
                .statusCode(400)
                .body("validations.field", contains("env_name", "file_path"));
        as(alice).delete(SECRETS + "/{name}", "me", "missing").then().statusCode(404);
    }

    @Test
    void aUserKeepsToFiftySecrets() {
        for (int i = 0; i < 50; i++) {
            create(alice, secret("s" + i, "v")).statusCode(201);
        }
        create(alice, secret("s50", "v"))
                .statusCode(400)
                .body("message", equalTo("User secrets limit reached."))
                .body("detail", equalTo("Each user can have at most 50 secrets."));
        as(alice).get(SECRETS, "me").then().body("$", hasSize(50));
    }

    @Test
    void environmentValuesKeepTo24KiBInAll() {
        Map<String, Object> first = secret("env-1", "x".repeat(20 * 1024));
        first.put("env_name", "FIRST");
        create(alice, first).statusCode(201);
        Map<String, Object> second = secret("env-2", "x".repeat(4 * 1024));
        second.put("env_name", "SECOND");
        create(alice, second)
                .statusCode(400)
                .body("message", equalTo("Environment-injected user secrets bytes limit reached."));
        // The same value as a file is fine.
        second.remove("env_name");
        second.put("file_path", "~/second");
        create(alice, second).statusCode(201);
    }

    @Test
    void aDeletedUsersSecretsGoWithIt() {
        create(alice, secret("one", "v")).statusCode(201);
        given().header("Coder-Session-Token", callers.get("owner").token())
                .delete("/api/v2/users/{user}", alice.id())
                .then()
                .statusCode(200);
        assertThat(QuarkusTransaction.requiringNew().call(() -> UserSecret.count("userId", alice.id())))
                .isZero();
    }

    @Test
    void malformedBodiesAreJsonErrors() {
        as(alice).post(SECRETS, "me").then().statusCode(400).body("detail", equalTo("EOF"));
        as(alice).body("{\"name\": 5}").post(SECRETS, "me").then().statusCode(400);
    }
}
