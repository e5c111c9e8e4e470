package dev.coderusers.user;

import static dev.coderusers.testsupport.ApiMessages.NOT_FOUND;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.coderusers.apikey.ApiKey;
import dev.coderusers.organization.Organization;
import dev.coderusers.testsupport.TestUsers;
import dev.coderusers.testsupport.TestUsers.TestUser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Suspend, activate, and the dormant state of new users. */
@QuarkusTest
class UserStatusTest {

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

    private static Response put(String token, String user, String action) {
        return given().header("Coder-Session-Token", token).put("/api/v2/users/" + user + "/status/" + action);
    }

    private static UserStatus statusOf(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> User.<User>findById(id).status);
    }

    @Test
    void aSuspendedUserIsLockedOutUntilActivated() {
        put(owner.token(), "member", "suspend")
                .then()
                .statusCode(200)
                .body("id", equalTo(member.id().toString()))
                .body("status", equalTo("suspended"))
                .body("organization_ids.size()", equalTo(1));
        assertThat(statusOf(member.id())).isEqualTo(UserStatus.SUSPENDED);
        // The keys stay, but no longer authenticate; password sign-in is refused too.
        assertThat(QuarkusTransaction.requiringNew().call(() -> ApiKey.count("userId", member.id())))
                .isEqualTo(1);
        given().header("Coder-Session-Token", member.token())
                .get("/api/v2/users/me")
                .then()
                .statusCode(401)
                .body(
                        "message",
                        equalTo("User is not active (status = \"suspended\"). Contact an admin to reactivate your"
                                + " account."));
        given().contentType(ContentType.JSON)
                .body(Map.of("email", member.email(), "password", TestUsers.PASSWORD))
                .post("/api/v2/users/login")
                .then()
                .statusCode(401)
                .body("message", equalTo("Your account is suspended. Contact an admin to reactivate your account."));

        put(owner.token(), "member", "activate").then().statusCode(200).body("status", equalTo("active"));
        assertThat(statusOf(member.id())).isEqualTo(UserStatus.ACTIVE);
        given().header("Coder-Session-Token", member.token())
                .get("/api/v2/users/me")
                .then()
                .statusCode(200);
    }

    @Test
    void activatingIsIdempotent() {
        put(owner.token(), "member", "activate").then().statusCode(200).body("status", equalTo("active"));
        put(owner.token(), "me", "activate").then().statusCode(200).body("status", equalTo("active"));
        assertThat(statusOf(member.id())).isEqualTo(UserStatus.ACTIVE);
    }

    @Test
    void userAdminsSuspendAndActivateOthers() {
        TestUser userAdmin = testUsers.create("useradmin", "user-admin");
        put(userAdmin.token(), member.id().toString(), "suspend")
                .then()
                .statusCode(200)
                .body("status", equalTo("suspended"));
        put(userAdmin.token(), "member", "activate").then().statusCode(200).body("status", equalTo("active"));
    }

    @Test
    void noOneSuspendsThemselvesOrAnOwner() {
        put(owner.token(), "me", "suspend")
                .then()
                .statusCode(400)
                .body("message", equalTo("You cannot suspend yourself."));
        put(member.token(), "me", "suspend")
                .then()
                .statusCode(400)
                .body("message", equalTo("You cannot suspend yourself."));
        TestUser otherOwner = testUsers.create("owner2", "owner");
        TestUser userAdmin = testUsers.create("useradmin", "user-admin");
        for (TestUser caller : new TestUser[] {owner, userAdmin}) {
            put(caller.token(), "owner2", "suspend")
                    .then()
                    .statusCode(400)
                    .body(
                            "message",
                            equalTo("You cannot suspend a user with the \"owner\" role. You must remove the role"
                                    + " first."));
        }
        assertThat(statusOf(otherOwner.id())).isEqualTo(UserStatus.ACTIVE);
        assertThat(statusOf(owner.id())).isEqualTo(UserStatus.ACTIVE);
        assertThat(statusOf(member.id())).isEqualTo(UserStatus.ACTIVE);
    }

    @Test
    void readersGetForbiddenAndMembersNotFound() {
        for (String role : new String[] {"auditor", "template-admin"}) {
            TestUser reader = testUsers.create(role.replace("-", ""), role);
            for (String action : new String[] {"suspend", "activate"}) {
                put(reader.token(), "member", action).then().statusCode(403).body("message", equalTo("Forbidden."));
            }
        }
        // Members may not change even their own status.
        put(member.token(), "me", "activate").then().statusCode(403);
        TestUser other = testUsers.create("other");
        put(other.token(), "member", "suspend").then().statusCode(404).body("message", equalTo(NOT_FOUND));
        assertThat(statusOf(member.id())).isEqualTo(UserStatus.ACTIVE);
    }

    @Test
    void statusChangesNeedASessionAndAnExistingUser() {
        given().put("/api/v2/users/member/status/suspend").then().statusCode(401);
        given().put("/api/v2/users/member/status/activate").then().statusCode(401);
        put(owner.token(), "nobody", "suspend").then().statusCode(404);
    }

    @Test
    void aCreatedUserIsDormantUntilItsFirstRequest() {
        UUID organization = QuarkusTransaction.requiringNew().call(() -> Organization.findDefault().id);
        String id = given().header("Coder-Session-Token", owner.token())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "email",
                        "new@example.com",
                        "username",
                        "newbie",
                        "password",
                        TestUsers.PASSWORD,
                        "organization_ids",
                        List.of(organization)))
                .post("/api/v2/users")
                .then()
                .statusCode(201)
                .body("status", equalTo("dormant"))
                .extract()
                .path("id");
        UUID newbie = UUID.fromString(id);
        assertThat(statusOf(newbie)).isEqualTo(UserStatus.DORMANT);

        String token = testUsers.newSession(newbie);
        given().header("Coder-Session-Token", token)
                .get("/api/v2/users/me")
                .then()
                .statusCode(200)
                .body("status", equalTo("active"));
        assertThat(statusOf(newbie)).isEqualTo(UserStatus.ACTIVE);
    }

    @Test
    void aDormantUserCanBeActivatedOrSuspendedByAnAdmin() {
        TestUser dora = testUsers.create("dora", UserStatus.DORMANT);
        put(owner.token(), "dora", "activate").then().statusCode(200).body("status", equalTo("active"));
        TestUser dan = testUsers.create("dan", UserStatus.DORMANT);
        put(owner.token(), "dan", "suspend").then().statusCode(200).body("status", equalTo("suspended"));
        assertThat(statusOf(dora.id())).isEqualTo(UserStatus.ACTIVE);
        assertThat(statusOf(dan.id())).isEqualTo(UserStatus.SUSPENDED);
        // A suspended user is not revived by using its key.
        given().header("Coder-Session-Token", dan.token())
                .get("/api/v2/users/me")
                .then()
                .statusCode(401);
        assertThat(statusOf(dan.id())).isEqualTo(UserStatus.SUSPENDED);
    }
}
