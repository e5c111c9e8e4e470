package dev.coderusers.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A client's first hour with the packaged service, end to end: first user, sign-in, users created and
 * searched, a token created, used, listed and deleted, sign-out. Runs against the jar in {@code verify} and
 * against the native binary with {@code -Dnative}, where it proves the reflection-free JSON, the password
 * hashing and the SSH key generation of the image. Needs a database without users (the suite's embedded one
 * is new for every run).
 */
@QuarkusIntegrationTest
class UsersApiIT {

    private static final String PASSWORD = "SomeSecurePassword!";

    @BeforeEach
    void serviceIsReady() {
        Readiness.awaitReady();
    }

    @Test
    void firstUserSignInUsersAndTokens() {
        given().get("/api/v2/users/first").then().statusCode(404);
        String organizationId = given().contentType(ContentType.JSON)
                .body(Map.of("email", "admin@example.com", "username", "admin", "password", PASSWORD))
                .post("/api/v2/users/first")
                .then()
                .statusCode(201)
                .extract()
                .path("organization_id");

        String session = given().contentType(ContentType.JSON)
                .body(Map.of("email", "admin@example.com", "password", PASSWORD))
                .post("/api/v2/users/login")
                .then()
                .statusCode(201)
                .body("session_token", matchesPattern("^[0-9a-zA-Z]{10}-[0-9a-zA-Z]{22}$"))
                .extract()
                .path("session_token");

        for (String name : List.of("bob", "carol")) {
            given().header("Coder-Session-Token", session)
                    .contentType(ContentType.JSON)
                    .body(Map.of(
                            "email",
                            name + "@example.com",
                            "username",
                            name,
                            "password",
                            PASSWORD,
                            "organization_ids",
                            List.of(organizationId)))
                    .post("/api/v2/users")
                    .then()
                    .statusCode(201)
                    .body("status", equalTo("dormant"));
        }
        given().header("Coder-Session-Token", session)
                .queryParam("q", "status:dormant")
                .queryParam("limit", 1)
                .get("/api/v2/users")
                .then()
                .statusCode(200)
                .body("count", equalTo(2))
                .body("users.username", contains("bob"));
        given().header("Coder-Session-Token", session)
                .get("/api/v2/users/bob/gitsshkey")
                .then()
                .statusCode(200)
                .body("public_key", matchesPattern("^ssh-ed25519 \\S+\\n$"));

        String token = given().header("Coder-Session-Token", session)
                .contentType(ContentType.JSON)
                .body(Map.of("token_name", "ci"))
                .post("/api/v2/users/me/keys/tokens")
                .then()
                .statusCode(201)
                .extract()
                .path("key");
        given().header("Authorization", "Bearer " + token)
                .get("/api/v2/users/me")
                .then()
                .statusCode(200)
                .body("username", equalTo("admin"));
        given().header("Coder-Session-Token", session)
                .get("/api/v2/users/me/keys/tokens")
                .then()
                .statusCode(200)
                .body("token_name", hasItem("ci"));
        given().header("Coder-Session-Token", session)
                .delete("/api/v2/users/me/keys/" + token.substring(0, 10))
                .then()
                .statusCode(204);
        given().header("Coder-Session-Token", token)
                .get("/api/v2/users/me")
                .then()
                .statusCode(401);

        given().header("Coder-Session-Token", session)
                .post("/api/v2/users/logout")
                .then()
                .statusCode(200)
                .body("message", equalTo("Logged out!"));
        given().header("Coder-Session-Token", session)
                .get("/api/v2/users/me")
                .then()
                .statusCode(401);
    }
}
