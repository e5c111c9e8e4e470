package dev.coderusers.role;

import static dev.coderusers.testsupport.ApiMessages.NOT_FOUND;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import dev.coderusers.organization.Organization;
import dev.coderusers.organization.OrganizationMember;
import dev.coderusers.testsupport.TestUsers;
import dev.coderusers.testsupport.TestUsers.TestUser;
import dev.coderusers.user.User;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class UserRolesTest {

    @Inject
    TestUsers testUsers;

    TestUser owner;
    TestUser member;
    UUID defaultOrganization;

    @BeforeEach
    void reset() {
        testUsers.deleteAll();
        owner = testUsers.create("owner", "owner");
        member = testUsers.create("member");
        defaultOrganization = QuarkusTransaction.requiringNew().call(() -> Organization.findDefault().id);
    }

    private static Response get(String token, String user) {
        return given().header("Coder-Session-Token", token).get("/api/v2/users/" + user + "/roles");
    }

    private static Response put(String token, String user, String... roles) {
        return given().header("Coder-Session-Token", token)
                .contentType(ContentType.JSON)
                .body(Map.of("roles", List.of(roles)))
                .put("/api/v2/users/" + user + "/roles");
    }

    private static List<String> storedRoles(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> new ArrayList<>(User.<User>findById(id).rbacRoles));
    }

    @Test
    void rolesAreSiteRolesAndExplicitOrganizationRoles() {
        get(owner.token(), "me")
                .then()
                .statusCode(200)
                .body("roles", contains("owner"))
                .body("organization_roles", aMapWithSize(1))
                .body("organization_roles." + defaultOrganization, empty());
        QuarkusTransaction.requiringNew().run(() -> {
            OrganizationMember membership =
                    OrganizationMember.findByUser(member.id()).get(0);
            membership.roles = new ArrayList<>(List.of("organization-admin"));
        });
        get(member.token(), "me")
                .then()
                .statusCode(200)
                .body("roles", empty())
                .body("organization_roles." + defaultOrganization, contains("organization-admin"));
    }

    @Test
    void ownersAndUserAdminsReadOthersRoles() {
        TestUser userAdmin = testUsers.create("useradmin", "user-admin");
        get(userAdmin.token(), "owner").then().statusCode(200).body("roles", contains("owner"));
        get(owner.token(), member.id().toString()).then().statusCode(200).body("roles", empty());
    }

    @Test
    void rolesArePersonalDataHiddenFromReadersAndMembers() {
        for (String role : new String[] {"auditor", "template-admin"}) {
            TestUser reader = testUsers.create(role.replace("-", ""), role);
            get(reader.token(), "member").then().statusCode(404).body("message", equalTo(NOT_FOUND));
        }
        get(member.token(), "owner").then().statusCode(404);
        given().get("/api/v2/users/me/roles").then().statusCode(401);
    }

    @Test
    void anOwnerReplacesTheSiteRolesDeduplicated() {
        put(owner.token(), "member", "auditor", "template-admin", "auditor")
                .then()
                .statusCode(200)
                .body("id", equalTo(member.id().toString()))
                .body("roles.name", contains("auditor", "template-admin"))
                .body("roles.display_name", contains("Auditor", "Template Admin"))
                .body("organization_ids", contains(defaultOrganization.toString()));
        assertThat(storedRoles(member.id())).containsExactly("auditor", "template-admin");

        put(owner.token(), "member", "user-admin").then().statusCode(200).body("roles.name", contains("user-admin"));
        assertThat(storedRoles(member.id())).containsExactly("user-admin");

        given().header("Coder-Session-Token", owner.token())
                .contentType(ContentType.JSON)
                .body(Map.of())
                .put("/api/v2/users/member/roles")
                .then()
                .statusCode(200)
                .body("roles", empty());
        assertThat(storedRoles(member.id())).isEmpty();
    }

    @Test
    void anOwnerMayDemoteAnotherOwner() {
        TestUser otherOwner = testUsers.create("owner2", "owner");
        put(owner.token(), "owner2").then().statusCode(200).body("roles", empty());
        assertThat(storedRoles(otherOwner.id())).isEmpty();
    }

    @Test
    void noOneChangesTheirOwnRoles() {
        put(owner.token(), "me", "owner", "auditor")
                .then()
                .statusCode(400)
                .body("message", equalTo("You cannot change your own roles."));
        put(member.token(), "member", "owner")
                .then()
                .statusCode(400)
                .body("message", equalTo("You cannot change your own roles."));
        // Before the body is read, as in Coder.
        given().header("Coder-Session-Token", member.token())
                .contentType(ContentType.JSON)
                .put("/api/v2/users/me/roles")
                .then()
                .statusCode(400)
                .body("message", equalTo("You cannot change your own roles."));
        assertThat(storedRoles(owner.id())).containsExactly("owner");
        assertThat(storedRoles(member.id())).isEmpty();
    }

    @Test
    void unknownRolesAreRejectedBeforeAnyPermissionCheck() {
        TestUser auditor = testUsers.create("auditor", "auditor");
        for (String role : new String[] {"foo", "organization-admin", "owner:" + defaultOrganization, "Owner"}) {
            for (TestUser caller : new TestUser[] {owner, auditor}) {
                put(caller.token(), "member", role)
                        .then()
                        .statusCode(400)
                        .body("message", equalTo("\"" + role + "\" is not a supported role"));
            }
        }
        assertThat(storedRoles(member.id())).isEmpty();
    }

    @Test
    void readersWhoMayNotAssignRolesAreForbidden() {
        for (String role : new String[] {"auditor", "template-admin"}) {
            TestUser reader = testUsers.create(role.replace("-", ""), role);
            put(reader.token(), "member", "template-admin")
                    .then()
                    .statusCode(403)
                    .body("message", equalTo("Forbidden."));
            // Even a request that would change nothing.
            put(reader.token(), "member").then().statusCode(403);
        }
        TestUser other = testUsers.create("other");
        put(other.token(), "member", "auditor").then().statusCode(404).body("message", equalTo(NOT_FOUND));
        assertThat(storedRoles(member.id())).isEmpty();
    }

    @Test
    void userAdminsAssignOnlyTheRolesTheyMayGive() {
        TestUser userAdmin = testUsers.create("useradmin", "user-admin");
        put(userAdmin.token(), "member", "auditor")
                .then()
                .statusCode(400)
                .body("message", equalTo("not authorized to assign role \"auditor\""));
        // Removing is checked like adding.
        put(userAdmin.token(), "owner")
                .then()
                .statusCode(400)
                .body("message", equalTo("not authorized to assign role \"owner\""));
        assertThat(storedRoles(member.id())).isEmpty();
        assertThat(storedRoles(owner.id())).containsExactly("owner");

        // member is stored when asked for, as Coder does.
        put(userAdmin.token(), "member", "member")
                .then()
                .statusCode(200)
                .body("roles.name", contains("member"))
                .body("roles.display_name", contains("Member"));
        assertThat(storedRoles(member.id())).containsExactly("member");
        // Keeping an owner's roles unchanged is allowed: nothing the user-admin may not assign changes.
        put(userAdmin.token(), "owner", "owner").then().statusCode(200).body("roles.name", contains("owner"));
    }

    @Test
    void anAbsentBodyAndAMissingSessionAreRejected() {
        given().header("Coder-Session-Token", owner.token())
                .contentType(ContentType.JSON)
                .put("/api/v2/users/member/roles")
                .then()
                .statusCode(400)
                .body("message", equalTo("Request body must be valid JSON."))
                .body("detail", equalTo("EOF"));
        given().contentType(ContentType.JSON)
                .body(Map.of("roles", List.of("auditor")))
                .put("/api/v2/users/member/roles")
                .then()
                .statusCode(401);
    }
}
