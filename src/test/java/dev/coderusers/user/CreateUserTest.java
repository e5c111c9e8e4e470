package dev.coderusers.user;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import dev.coderusers.organization.Organization;
import dev.coderusers.organization.OrganizationMember;
import dev.coderusers.sshkey.GitSshKey;
import dev.coderusers.testsupport.TestUsers;
import dev.coderusers.testsupport.TestUsers.TestUser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CreateUserTest {

    @Inject
    TestUsers testUsers;

    TestUser owner;
    UUID defaultOrganization;

    @BeforeEach
    void reset() {
        testUsers.deleteAll();
        owner = testUsers.create("owner", "owner");
        defaultOrganization = QuarkusTransaction.requiringNew().call(() -> Organization.findDefault().id);
    }

    private Map<String, Object> valid(String username) {
        Map<String, Object> body = new HashMap<>();
        body.put("email", username + "@example.com");
        body.put("username", username);
        body.put("password", "SomeSecurePassword!");
        body.put("organization_ids", List.of(defaultOrganization.toString()));
        return body;
    }

    private ValidatableResponse create(String token, Object body) {
        return given().header("Coder-Session-Token", token)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v2/users")
                .then();
    }

    @Test
    void anOwnerCreatesADormantMemberWithAnSshKeyAndMembership() {
        String id = create(owner.token(), valid("newbie"))
                .statusCode(201)
                .body("username", equalTo("newbie"))
                .body("email", equalTo("newbie@example.com"))
                .body("status", equalTo("dormant"))
                .body("login_type", equalTo("password"))
                .body("roles", empty())
                .body("organization_ids", contains(defaultOrganization.toString()))
                .body("last_seen_at", equalTo("0001-01-01T00:00:00Z"))
                .body("$", not(hasKey("name")))
                .body("$", not(hasKey("is_service_account")))
                .extract()
                .path("id");
        QuarkusTransaction.requiringNew().run(() -> {
            UUID userId = UUID.fromString(id);
            assertThat(GitSshKey.<GitSshKey>findById(userId).publicKey).startsWith("ssh-ed25519 ");
            assertThat(OrganizationMember.findByUser(userId)).hasSize(1);
        });
    }

    @Test
    void statusRolesAndTheZeroOrganizationIdAreHonoured() {
        Map<String, Object> body = valid("auditor1");
        body.put("user_status", "active");
        body.put("roles", List.of("auditor", "auditor"));
        body.put("organization_ids", List.of("00000000-0000-0000-0000-000000000000"));
        create(owner.token(), body)
                .statusCode(201)
                .body("status", equalTo("active"))
                .body("roles.name", contains("auditor"))
                .body("roles[0].display_name", equalTo("Auditor"))
                .body("organization_ids", contains(defaultOrganization.toString()));
    }

    @Test
    void aUserAdminMayCreateMembersButNotGiveOtherRoles() {
        TestUser userAdmin = testUsers.create("useradmin", "user-admin");
        create(userAdmin.token(), valid("plain")).statusCode(201);
        Map<String, Object> body = valid("promoted");
        body.put("roles", List.of("auditor"));
        create(userAdmin.token(), body)
                .statusCode(403)
                .body("message", equalTo("You are not authorized to create users."))
                .body("detail", equalTo("not authorized to assign role \"auditor\""));
    }

    @Test
    void membersAuditorsAndTemplateAdminsMayNotCreateUsers() {
        for (String role : new String[] {"member", "auditor", "template-admin"}) {
            TestUser caller =
                    role.equals("member") ? testUsers.create("m-" + role) : testUsers.create("m-" + role, role);
            create(caller.token(), valid("x" + role))
                    .statusCode(403)
                    .body("message", equalTo("You are not authorized to create users."));
        }
    }

    @Test
    void unknownRolesAreRejected() {
        Map<String, Object> body = valid("weird");
        body.put("roles", List.of("organization-admin"));
        create(owner.token(), body)
                .statusCode(400)
                .body("message", equalTo("\"organization-admin\" is not a supported role"));
    }

    @Test
    void conflictsOnUsernameOrEmailIgnoringCase() {
        testUsers.create("taken");
        create(owner.token(), valid("TAKEN")).statusCode(409).body("message", equalTo("User already exists."));
        Map<String, Object> body = valid("other");
        body.put("email", "Taken@Example.com");
        create(owner.token(), body).statusCode(409);
        // The system user's name stays reserved; the conflict is found before the organization check.
        Map<String, Object> prebuilds = valid("prebuilds");
        prebuilds.put("organization_ids", List.of(UUID.randomUUID().toString()));
        create(owner.token(), prebuilds).statusCode(409);
    }

    @Test
    void theValidationOrderOfCoder() {
        Map<String, Object> noEmail = valid("noemail");
        noEmail.remove("email");
        create(owner.token(), noEmail)
                .statusCode(400)
                .body("message", equalTo("Validation failed."))
                .body("validations[0].field", equalTo("email"))
                .body(
                        "validations[0].detail",
                        equalTo("Validation failed for tag \"required_unless\" with value: \"\""));

        Map<String, Object> badName = valid("bad");
        badName.put("username", "-bad-");
        create(owner.token(), badName).statusCode(400).body("validations[0].field", equalTo("username"));

        Map<String, Object> serviceAccount = valid("svc");
        serviceAccount.remove("email");
        serviceAccount.remove("password");
        serviceAccount.put("service_account", true);
        create(owner.token(), serviceAccount)
                .statusCode(403)
                .body("message", equalTo("Service Accounts is a Premium feature. Contact sales!"));
        serviceAccount.put("login_type", "password");
        create(owner.token(), serviceAccount)
                .statusCode(400)
                .body("message", equalTo("Service accounts must use login type 'none'."));

        Map<String, Object> githubWithPassword = valid("gh");
        githubWithPassword.put("login_type", "github");
        create(owner.token(), githubWithPassword)
                .statusCode(400)
                .body("message", equalTo("Password cannot be set for non-password (\"github\") authentication."));

        Map<String, Object> noOrganizations = valid("noorg");
        noOrganizations.remove("organization_ids");
        create(owner.token(), noOrganizations)
                .statusCode(400)
                .body("detail", equalTo("required at least 1 value for the array 'organization_ids'"))
                .body("validations[0].field", equalTo("organization_ids"));

        Map<String, Object> unknownOrganization = valid("unknownorg");
        UUID random = UUID.randomUUID();
        unknownOrganization.put("organization_ids", List.of(random.toString()));
        create(owner.token(), unknownOrganization)
                .statusCode(404)
                .body("message", equalTo("Organization does not exist with the provided id \"" + random + "\"."));

        Map<String, Object> weak = valid("weak");
        weak.put("password", "password");
        create(owner.token(), weak)
                .statusCode(400)
                .body("message", equalTo("Password is invalid"))
                .body("validations[0].field", equalTo("password"));

        Map<String, Object> oidc = valid("oidcuser");
        oidc.remove("password");
        oidc.put("login_type", "oidc");
        create(owner.token(), oidc)
                .statusCode(400)
                .body("message", equalTo("You must configure OIDC before creating OIDC users."));

        Map<String, Object> token = valid("tokenuser");
        token.remove("password");
        token.put("login_type", "token");
        create(owner.token(), token)
                .statusCode(400)
                .body("message", equalTo("Unsupported login type \"token\" for manually creating new users."));

        Map<String, Object> badStatus = valid("badstatus");
        badStatus.put("user_status", "sleeping");
        create(owner.token(), badStatus).statusCode(400).body("validations[0].field", equalTo("user_status"));

        assertThat(QuarkusTransaction.requiringNew().call(User::countHumans)).isEqualTo(1);
    }

    @Test
    void passwordlessLoginTypesNeedNoPassword() {
        Map<String, Object> none = valid("nobody");
        none.remove("password");
        none.put("login_type", "none");
        create(owner.token(), none).statusCode(201).body("login_type", equalTo("none"));
        Map<String, Object> github = valid("octocat");
        github.remove("password");
        github.put("login_type", "github");
        create(owner.token(), github).statusCode(201).body("login_type", equalTo("github"));
    }

    @Test
    void creatingNeedsASessionAndAJsonBody() {
        given().contentType(ContentType.JSON)
                .body(valid("anon"))
                .post("/api/v2/users")
                .then()
                .statusCode(401);
        given().header("Coder-Session-Token", owner.token())
                .contentType(ContentType.JSON)
                .body("{")
                .post("/api/v2/users")
                .then()
                .statusCode(400)
                .body("message", equalTo("Request body must be valid JSON."));
    }
}
