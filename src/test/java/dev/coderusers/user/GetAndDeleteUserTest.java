package dev.coderusers.user;

import static dev.coderusers.testsupport.ApiMessages.NOT_FOUND;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.coderusers.apikey.ApiKey;
import dev.coderusers.testsupport.TestUsers;
import dev.coderusers.testsupport.TestUsers.TestUser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class GetAndDeleteUserTest {

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

    @Test
    void aUserIsFoundByMeUuidOrUsernameInAnyCase() {
        given().header("Coder-Session-Token", member.token())
                .get("/api/v2/users/me")
                .then()
                .statusCode(200)
                .body("username", equalTo("member"))
                .body("organization_ids", hasSize(1));
        given().header("Coder-Session-Token", owner.token())
                .get("/api/v2/users/" + member.id())
                .then()
                .statusCode(200)
                .body("email", equalTo("member@example.com"));
        given().header("Coder-Session-Token", owner.token())
                .get("/api/v2/users/MEMBER")
                .then()
                .statusCode(200)
                .body("id", equalTo(member.id().toString()));
    }

    @Test
    void membersCannotSeeOthersAndGet404NotForbidden() {
        given().header("Coder-Session-Token", member.token())
                .get("/api/v2/users/owner")
                .then()
                .statusCode(404)
                .body("message", equalTo(NOT_FOUND));
        given().header("Coder-Session-Token", owner.token())
                .get("/api/v2/users/nobody-here")
                .then()
                .statusCode(404);
        given().get("/api/v2/users/owner").then().statusCode(401);
    }

    @Test
    void deleteIsSoftRemovesKeysAndFreesTheName() {
        String second = testUsers.newSession(member.id());
        given().header("Coder-Session-Token", owner.token())
                .delete("/api/v2/users/member")
                .then()
                .statusCode(200)
                .body("message", equalTo("User has been deleted!"));

        QuarkusTransaction.requiringNew().run(() -> {
            User deleted = User.findById(member.id());
            assertThat(deleted.deleted).isTrue();
            assertThat(ApiKey.count("userId", member.id())).isZero();
        });
        given().header("Coder-Session-Token", second)
                .get("/api/v2/users/me")
                .then()
                .statusCode(401);
        // By username the deleted user is gone; by id Coder still finds it.
        given().header("Coder-Session-Token", owner.token())
                .get("/api/v2/users/member")
                .then()
                .statusCode(404);
        given().header("Coder-Session-Token", owner.token())
                .get("/api/v2/users/" + member.id())
                .then()
                .statusCode(200);
        // The username and email can be used again.
        testUsers.create("member");
    }

    @Test
    void noOneDeletesThemselves() {
        given().header("Coder-Session-Token", owner.token())
                .delete("/api/v2/users/me")
                .then()
                .statusCode(403)
                .body("message", equalTo("You cannot delete yourself!"));
    }

    @Test
    void readersWithoutDeleteGetForbiddenAndMembersNotFound() {
        TestUser auditor = testUsers.create("auditor", "auditor");
        given().header("Coder-Session-Token", auditor.token())
                .delete("/api/v2/users/member")
                .then()
                .statusCode(403)
                .body("message", equalTo("Forbidden."));
        TestUser other = testUsers.create("other");
        given().header("Coder-Session-Token", other.token())
                .delete("/api/v2/users/member")
                .then()
                .statusCode(404);
        TestUser userAdmin = testUsers.create("useradmin", "user-admin");
        given().header("Coder-Session-Token", userAdmin.token())
                .delete("/api/v2/users/member")
                .then()
                .statusCode(200);
    }
}
