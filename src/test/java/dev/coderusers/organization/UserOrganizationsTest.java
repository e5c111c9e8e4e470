package dev.coderusers.organization;

import static dev.coderusers.testsupport.ApiMessages.NOT_FOUND;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import dev.coderusers.api.CoderJson;
import dev.coderusers.role.Roles;
import dev.coderusers.testsupport.TestUsers;
import dev.coderusers.testsupport.TestUsers.TestUser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class UserOrganizationsTest {

    @Inject
    TestUsers testUsers;

    @Inject
    OrganizationService organizations;

    TestUser target;
    Map<String, TestUser> callers;
    Organization second;

    @BeforeEach
    void reset() {
        testUsers.deleteAll();
        QuarkusTransaction.requiringNew().run(() -> Organization.delete("isDefault = false"));
        target = testUsers.create("target");
        callers = testUsers.oneOfEachRole();
        // The target also belongs to a second organization and to a deleted one.
        second = QuarkusTransaction.requiringNew().call(() -> {
            Organization organization = organization("Second", "The second one", false);
            Organization gone = organization("gone", "", true);
            organizations.addMember(organization.id, target.id());
            organizations.addMember(gone.id, target.id());
            return organization;
        });
    }

    @Test
    void usersSeeTheirOwnOrganizationsButNotDeletedOnes() {
        given().header("Coder-Session-Token", target.token())
                .get("/api/v2/users/me/organizations")
                .then()
                .statusCode(200)
                .body("name", containsInAnyOrder("coder", "Second"));
    }

    @Test
    void anOrganizationIsShownWithEveryFieldOfCodersShape() {
        Map<String, Object> shown = given().header("Coder-Session-Token", target.token())
                .get("/api/v2/users/me/organizations")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("find { it.name == 'Second' }");

        assertThat(new ArrayList<>(shown.keySet()))
                .containsExactly(
                        "id", "name", "display_name", "icon", "description", "created_at", "updated_at", "is_default");
        assertThat(shown)
                .containsEntry("id", second.id.toString())
                .containsEntry("display_name", "Second display")
                .containsEntry("icon", "")
                .containsEntry("description", "The second one")
                .containsEntry("created_at", CoderJson.format(second.createdAt))
                .containsEntry("updated_at", CoderJson.format(second.updatedAt))
                .containsEntry("is_default", false);
    }

    @ParameterizedTest
    @ValueSource(strings = {"owner", "user-admin", "template-admin", "auditor"})
    void siteReadersSeeAllOfAnotherUsersOrganizations(String role) {
        given().header("Coder-Session-Token", callers.get(role).token())
                .get("/api/v2/users/target/organizations")
                .then()
                .statusCode(200)
                .body("name", containsInAnyOrder("coder", "Second"));
    }

    @Test
    void membersCannotSeeOtherUsers() {
        given().header("Coder-Session-Token", callers.get("member").token())
                .get("/api/v2/users/target/organizations")
                .then()
                .statusCode(404)
                .body("message", equalTo(NOT_FOUND));
        given().header("Coder-Session-Token", callers.get("member").token())
                .get("/api/v2/users/target/organizations/coder")
                .then()
                .statusCode(404)
                .body("message", equalTo(NOT_FOUND));
    }

    @Test
    void organizationAdminsSeeOnlyTheOrganizationsTheyBelongTo() {
        TestUser orgAdmin = testUsers.create("orgadmin");
        QuarkusTransaction.requiringNew().run(() -> {
            OrganizationMember membership = OrganizationMember.find(
                            "userId = ?1 and organizationId = ?2", orgAdmin.id(), Organization.findDefault().id)
                    .firstResult();
            membership.roles = new ArrayList<>(List.of(Roles.ORG_ADMIN));
        });

        given().header("Coder-Session-Token", orgAdmin.token())
                .get("/api/v2/users/target/organizations")
                .then()
                .statusCode(200)
                .body("name", containsInAnyOrder("coder"));
        given().header("Coder-Session-Token", orgAdmin.token())
                .get("/api/v2/users/target/organizations/second")
                .then()
                .statusCode(404)
                .body("message", equalTo(NOT_FOUND));
    }

    @Test
    void aUserWithoutMembershipsHasAnEmptyList() {
        QuarkusTransaction.requiringNew().run(() -> OrganizationMember.delete("userId", target.id()));

        given().header("Coder-Session-Token", target.token())
                .get("/api/v2/users/me/organizations")
                .then()
                .statusCode(200)
                .body("$", empty());
    }

    @Test
    void anOrganizationIsFoundByNameInAnyCase() {
        given().header("Coder-Session-Token", target.token())
                .get("/api/v2/users/me/organizations/SECOND")
                .then()
                .statusCode(200)
                .body("id", equalTo(second.id.toString()))
                .body("name", equalTo("Second"))
                .body("is_default", equalTo(false));
        given().header("Coder-Session-Token", target.token())
                .get("/api/v2/users/me/organizations/coder")
                .then()
                .statusCode(200)
                .body("is_default", equalTo(true));
    }

    @Test
    void theUserInThePathIsNotCheckedForMembership() {
        // The owner is not in "Second"; asking about it through the owner's own path still finds it.
        given().header("Coder-Session-Token", callers.get("owner").token())
                .get("/api/v2/users/me/organizations/second")
                .then()
                .statusCode(200)
                .body("name", equalTo("Second"));
    }

    @Test
    void membersCannotReadOrganizationsTheyDoNotBelongTo() {
        given().header("Coder-Session-Token", callers.get("member").token())
                .get("/api/v2/users/me/organizations/second")
                .then()
                .statusCode(404)
                .body("message", equalTo(NOT_FOUND));
    }

    @Test
    void deletedAndUnknownOrganizationsAre404() {
        given().header("Coder-Session-Token", callers.get("owner").token())
                .get("/api/v2/users/target/organizations/gone")
                .then()
                .statusCode(404)
                .body("message", equalTo(NOT_FOUND));
        given().header("Coder-Session-Token", callers.get("owner").token())
                .get("/api/v2/users/target/organizations/nowhere")
                .then()
                .statusCode(404);
        given().header("Coder-Session-Token", callers.get("owner").token())
                .get("/api/v2/users/nobody/organizations/coder")
                .then()
                .statusCode(404);
    }

    @Test
    void signedOutCallersGet401() {
        given().get("/api/v2/users/target/organizations").then().statusCode(401);
        given().get("/api/v2/users/target/organizations/coder").then().statusCode(401);
    }

    private static Organization organization(String name, String description, boolean deleted) {
        Instant now = CoderJson.now();
        Organization organization = new Organization();
        organization.id = UUID.randomUUID();
        organization.name = name;
        organization.displayName = name + " display";
        organization.description = description;
        organization.icon = "";
        organization.deleted = deleted;
        organization.createdAt = now;
        organization.updatedAt = now;
        organization.persist();
        return organization;
    }
}
