package dev.coderusers.user;

import static dev.coderusers.testsupport.ApiMessages.NOT_FOUND;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.coderusers.apikey.ApiKey;
import dev.coderusers.testsupport.TestUsers;
import dev.coderusers.testsupport.TestUsers.TestUser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class UserPasswordTest {

    static final String NEW_PASSWORD = "AnotherSecurePassword?42";

    @Inject
    TestUsers testUsers;

    TestUser owner;
    TestUser member;

    @BeforeEach
    void reset() {
        testUsers.deleteAll();
        owner = testUsers.create("owner", "owner");
        member = testUsers.create("member");
    }

    private static Response put(String token, String user, Object body) {
        return given().header("Coder-Session-Token", token)
                .contentType(ContentType.JSON)
                .body(body)
                .put("/api/v2/users/" + user + "/password");
    }

    private static Response login(String email, String password) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", password))
                .post("/api/v2/users/login");
    }

    private static long keysOf(UUID userId) {
        return QuarkusTransaction.requiringNew().call(() -> ApiKey.count("userId", userId));
    }

    @Test
    void changingYourOwnPasswordSignsYouOutEverywhere() {
        testUsers.newSession(member.id());
        assertThat(keysOf(member.id())).isEqualTo(2);

        put(member.token(), "me", Map.of("old_password", TestUsers.PASSWORD, "password", NEW_PASSWORD))
                .then()
                .statusCode(204);

        assertThat(keysOf(member.id())).isZero();
        assertThat(keysOf(owner.id())).isEqualTo(1);
        given().header("Coder-Session-Token", member.token())
                .get("/api/v2/users/me")
                .then()
                .statusCode(401);
        login(member.email(), TestUsers.PASSWORD).then().statusCode(401);
        login(member.email(), NEW_PASSWORD).then().statusCode(201);
        String hash = QuarkusTransaction.requiringNew().call(() -> User.<User>findById(member.id()).hashedPassword);
        assertThat(hash).startsWith("$pbkdf2-sha256$65535$");
    }

    @Test
    void ownersResetOthersPasswordsWithoutTheOldOne() {
        TestUser otherOwner = testUsers.create("owner2", "owner");
        put(owner.token(), "member", Map.of("password", NEW_PASSWORD)).then().statusCode(204);
        put(owner.token(), otherOwner.id().toString(), Map.of("password", NEW_PASSWORD))
                .then()
                .statusCode(204);
        assertThat(keysOf(member.id())).isZero();
        assertThat(keysOf(otherOwner.id())).isZero();
        // The caller's own session is untouched when it changes someone else's password.
        assertThat(keysOf(owner.id())).isEqualTo(1);
    }

    @Test
    void anOldPasswordGivenByAnOwnerIsStillChecked() {
        put(owner.token(), "member", Map.of("old_password", "NotTheRightOne!", "password", NEW_PASSWORD))
                .then()
                .statusCode(400)
                .body("message", equalTo("Old password is incorrect."))
                .body("validations[0].field", equalTo("old_password"))
                .body("validations[0].detail", equalTo("Old password is incorrect."));
        assertThat(keysOf(member.id())).isEqualTo(1);
    }

    @Test
    void userAdminsMayChangeOnlyTheirOwnPassword() {
        TestUser userAdmin = testUsers.create("useradmin", "user-admin");
        put(userAdmin.token(), "member", Map.of("password", NEW_PASSWORD))
                .then()
                .statusCode(403)
                .body("message", equalTo("You are not authorized to change this user's password."))
                .body("detail", startsWith("Only owners may change another user's password"));
        put(userAdmin.token(), "owner", Map.of("password", NEW_PASSWORD)).then().statusCode(403);
        assertThat(keysOf(member.id())).isEqualTo(1);
        assertThat(keysOf(owner.id())).isEqualTo(1);

        put(userAdmin.token(), "me", Map.of("old_password", TestUsers.PASSWORD, "password", NEW_PASSWORD))
                .then()
                .statusCode(204);
    }

    @Test
    void callersWithoutUpdatePersonalGetNotFoundBeforeAnyBodyCheck() {
        TestUser auditor = testUsers.create("auditor", "auditor");
        TestUser templateAdmin = testUsers.create("templateadmin", "template-admin");
        for (TestUser reader : new TestUser[] {auditor, templateAdmin}) {
            put(reader.token(), "member", Map.of("password", NEW_PASSWORD))
                    .then()
                    .statusCode(404)
                    .body("message", equalTo(NOT_FOUND));
            put(reader.token(), "member", Map.of()).then().statusCode(404);
        }
        put(member.token(), "owner", Map.of("password", NEW_PASSWORD)).then().statusCode(404);
        assertThat(keysOf(member.id())).isEqualTo(1);
        assertThat(keysOf(owner.id())).isEqualTo(1);
    }

    @Test
    void theChecksRunInCodersOrder() {
        put(member.token(), "me", Map.of())
                .then()
                .statusCode(400)
                .body("message", equalTo("Validation failed."))
                .body("validations[0].field", equalTo("password"))
                .body("validations[0].detail", equalTo("Validation failed for tag \"required\" with value: \"\""));
        // The old password is required before the new one is judged.
        put(member.token(), "me", Map.of("password", "weak"))
                .then()
                .statusCode(400)
                .body("message", equalTo("Old password is required."));
        // Owners must give their own old password too.
        put(owner.token(), "me", Map.of("password", NEW_PASSWORD))
                .then()
                .statusCode(400)
                .body("message", equalTo("Old password is required."));
        // Strength before the old password's correctness.
        put(member.token(), "me", Map.of("old_password", "wrong", "password", "password"))
                .then()
                .statusCode(400)
                .body("message", equalTo("Invalid password."))
                .body("validations[0].field", equalTo("password"))
                .body("validations[0].detail", startsWith("insecure password, try "));
        put(member.token(), "me", Map.of("old_password", "wrong", "password", NEW_PASSWORD))
                .then()
                .statusCode(400)
                .body("message", equalTo("Old password is incorrect."));
        put(member.token(), "me", Map.of("old_password", TestUsers.PASSWORD, "password", TestUsers.PASSWORD))
                .then()
                .statusCode(400)
                .body("message", equalTo("New password cannot match old password."));
        assertThat(keysOf(member.id())).isEqualTo(1);
    }

    @Test
    void usersWithoutAPasswordLoginCannotHaveOne() {
        QuarkusTransaction.requiringNew().run(() -> {
            User user = User.findById(member.id());
            user.loginType = LoginType.GITHUB;
            user.hashedPassword = "";
        });
        put(owner.token(), "member", Map.of("password", NEW_PASSWORD))
                .then()
                .statusCode(400)
                .body("message", equalTo("Users without password login type cannot change their password."));
        String hash = QuarkusTransaction.requiringNew().call(() -> User.<User>findById(member.id()).hashedPassword);
        assertThat(hash).isEmpty();
    }

    @Test
    void absentBodiesAndSessionsAreRejected() {
        given().header("Coder-Session-Token", member.token())
                .contentType(ContentType.JSON)
                .put("/api/v2/users/me/password")
                .then()
                .statusCode(400)
                .body("message", equalTo("Request body must be valid JSON."))
                .body("detail", equalTo("EOF"));
        given().contentType(ContentType.JSON)
                .body(Map.of("password", NEW_PASSWORD))
                .put("/api/v2/users/member/password")
                .then()
                .statusCode(401);
    }
}
