package dev.coderusers.user;

import static dev.coderusers.testsupport.ApiMessages.NOT_FOUND;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import dev.coderusers.testsupport.TestUsers;
import dev.coderusers.testsupport.TestUsers.TestUser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class UserProfileTest {

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
                .put("/api/v2/users/" + user + "/profile");
    }

    private static User load(TestUser user) {
        return QuarkusTransaction.requiringNew().call(() -> User.findById(user.id()));
    }

    @Test
    void anOwnerRenamesAUserAndSetsItsName() {
        put(owner.token(), "member", Map.of("username", "Renamed", "name", "Mem Ber"))
                .then()
                .statusCode(200)
                .body("id", equalTo(member.id().toString()))
                .body("username", equalTo("Renamed"))
                .body("name", equalTo("Mem Ber"))
                .body("email", equalTo("member@example.com"))
                .body("organization_ids", hasSize(1));
        User stored = load(member);
        assertThat(stored.username).isEqualTo("Renamed");
        assertThat(stored.name).isEqualTo("Mem Ber");
    }

    @Test
    void aMemberChangesItsOwnNameButCannotRenameItself() {
        put(member.token(), "me", Map.of("username", "member", "name", "Just Me"))
                .then()
                .statusCode(200)
                .body("name", equalTo("Just Me"));
        put(member.token(), "me", Map.of("username", "someone-else"))
                .then()
                .statusCode(404)
                .body("message", equalTo(NOT_FOUND));
        // The comparison is exact, as Coder's: a change of case is a rename too.
        put(member.token(), "me", Map.of("username", "MEMBER")).then().statusCode(404);
        assertThat(load(member).username).isEqualTo("member");
        assertThat(load(member).name).isEqualTo("Just Me");
    }

    @Test
    void omittingTheNameClearsIt() {
        put(member.token(), "me", Map.of("username", "member", "name", "Some Name"))
                .then()
                .statusCode(200);
        put(member.token(), "me", Map.of("username", "member"))
                .then()
                .statusCode(200)
                .body("$", not(hasKey("name")));
        assertThat(load(member).name).isEmpty();
    }

    @Test
    void aTakenUsernameIsAConflictWhateverItsCase() {
        testUsers.create("taken");
        put(owner.token(), "member", Map.of("username", "TAKEN"))
                .then()
                .statusCode(409)
                .body("message", equalTo("A user with this username already exists."))
                .body("validations[0].field", equalTo("username"))
                .body("validations[0].detail", equalTo("This username is already in use."));
        // The system user's name is reserved too.
        put(owner.token(), "member", Map.of("username", "prebuilds")).then().statusCode(409);
        assertThat(load(member).username).isEqualTo("member");
    }

    @Test
    void aUserMayChangeTheCaseOfItsOwnName() {
        put(owner.token(), "me", Map.of("username", "OWNER"))
                .then()
                .statusCode(200)
                .body("username", equalTo("OWNER"));
    }

    @Test
    void aDeletedUsersNameCanBeTaken() {
        TestUser gone = testUsers.create("gone");
        given().header("Coder-Session-Token", owner.token())
                .delete("/api/v2/users/" + gone.id())
                .then()
                .statusCode(200);
        put(owner.token(), "member", Map.of("username", "gone")).then().statusCode(200);
    }

    @Test
    void userAdminsRenameOthers() {
        TestUser userAdmin = testUsers.create("useradmin", "user-admin");
        put(userAdmin.token(), "member", Map.of("username", "by-admin"))
                .then()
                .statusCode(200)
                .body("username", equalTo("by-admin"));
    }

    @Test
    void readersWhoMayNotChangeTheUserGetNotFound() {
        for (String role : new String[] {"auditor", "template-admin"}) {
            TestUser reader = testUsers.create(role.replace("-", ""), role);
            // A rename needs "update"; keeping the name needs "update_personal" (Coder: 500).
            put(reader.token(), "member", Map.of("username", "nope"))
                    .then()
                    .statusCode(404)
                    .body("message", equalTo(NOT_FOUND));
            put(reader.token(), "member", Map.of("username", "member", "name", "Nope"))
                    .then()
                    .statusCode(404);
        }
        // Members cannot see others at all.
        put(member.token(), "owner", Map.of("username", "owner")).then().statusCode(404);
        assertThat(load(member).name).isEmpty();
        assertThat(load(owner).username).isEqualTo("owner");
    }

    @Test
    void aCallerWhoMayNotRenameLearnsNothingAboutTakenNames() {
        // The permission check comes before the uniqueness check.
        put(member.token(), "me", Map.of("username", "owner")).then().statusCode(404);
    }

    @Test
    void invalidBodiesAreValidationErrors() {
        put(owner.token(), "member", Map.of("name", "No Username"))
                .then()
                .statusCode(400)
                .body("message", equalTo("Validation failed."))
                .body("validations[0].field", equalTo("username"))
                .body("validations[0].detail", equalTo("Validation failed for tag \"required\" with value: \"\""));
        put(owner.token(), "member", Map.of("username", "bad_name", "name", " padded "))
                .then()
                .statusCode(400)
                .body("validations", hasSize(2))
                .body("validations[0].field", equalTo("name"))
                .body(
                        "validations[0].detail",
                        equalTo("Validation failed for tag \"user_real_name\" with value: \" padded \""))
                .body("validations[1].field", equalTo("username"))
                .body(
                        "validations[1].detail",
                        equalTo("Validation failed for tag \"username\" with value: \"bad_name\""));
        given().header("Coder-Session-Token", owner.token())
                .contentType(ContentType.JSON)
                .put("/api/v2/users/member/profile")
                .then()
                .statusCode(400)
                .body("message", equalTo("Request body must be valid JSON."))
                .body("detail", equalTo("EOF"));
    }

    @Test
    void theUserIsResolvedBeforeTheBodyIsChecked() {
        // A member addressing someone else gets 404 even with an invalid body, as Coder's middleware answers first.
        put(member.token(), "owner", Map.of("username", "bad_name")).then().statusCode(404);
        put(owner.token(), "nobody", Map.of()).then().statusCode(404);
    }

    @Test
    void aSessionIsRequired() {
        given().contentType(ContentType.JSON)
                .body(Map.of("username", "x"))
                .put("/api/v2/users/member/profile")
                .then()
                .statusCode(401);
    }
}
