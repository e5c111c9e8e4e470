package dev.coderusers.user;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import dev.coderusers.organization.Organization;
import dev.coderusers.organization.OrganizationMember;
import dev.coderusers.sshkey.GitSshKey;
import dev.coderusers.testsupport.TestUsers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FirstUserTest {

    @Inject
    TestUsers testUsers;

    @BeforeEach
    void noUsers() {
        testUsers.deleteAll();
    }

    private static Map<String, Object> firstUser() {
        return Map.of(
                "email", "admin@example.com",
                "username", "admin",
                "name", "Ada Admin",
                "password", "SomeSecurePassword!",
                "trial", false);
    }

    @Test
    void firstUserIsReportedMissingUntilCreated() {
        given().get("/api/v2/users/first")
                .then()
                .statusCode(404)
                .body("message", equalTo("The initial user has not been created!"));

        given().contentType(ContentType.JSON)
                .body(firstUser())
                .post("/api/v2/users/first")
                .then()
                .statusCode(201);

        given().get("/api/v2/users/first")
                .then()
                .statusCode(200)
                .body("message", equalTo("The initial user has already been created!"));
    }

    @Test
    void createsAnActiveOwnerInTheDefaultOrganizationWithAnSshKey() {
        String userId = given().contentType(ContentType.JSON)
                .body(firstUser())
                .post("/api/v2/users/first")
                .then()
                .statusCode(201)
                .body("user_id", notNullValue())
                .body("organization_id", equalTo(defaultOrganizationId().toString()))
                .extract()
                .path("user_id");

        QuarkusTransaction.requiringNew().run(() -> {
            User user = User.findById(UUID.fromString(userId));
            assertThat(user.status).isEqualTo(UserStatus.ACTIVE);
            assertThat(user.loginType).isEqualTo(LoginType.PASSWORD);
            assertThat(user.rbacRoles).containsExactly("owner");
            assertThat(user.name).isEqualTo("Ada Admin");
            assertThat(user.hashedPassword).startsWith("$pbkdf2-sha256$65535$");
            assertThat(OrganizationMember.findByUser(user.id)).singleElement().satisfies(m -> {
                assertThat(m.organizationId).isEqualTo(defaultOrganizationId());
                assertThat(m.roles).isEmpty();
            });
            GitSshKey key = GitSshKey.findById(user.id);
            assertThat(key.publicKey).startsWith("ssh-ed25519 ").endsWith("\n");
            assertThat(key.privateKey).contains("OPENSSH PRIVATE KEY");
        });

        // No session comes back: the client logs in next.
        given().contentType(ContentType.JSON)
                .body(Map.of("email", "admin@example.com", "password", "SomeSecurePassword!"))
                .post("/api/v2/users/login")
                .then()
                .statusCode(201);
    }

    @Test
    void aSecondFirstUserConflicts() {
        testUsers.create("existing");
        given().contentType(ContentType.JSON)
                .body(firstUser())
                .post("/api/v2/users/first")
                .then()
                .statusCode(409)
                .body("message", equalTo("The initial user has already been created."));
    }

    @Test
    void validationFailuresListEveryField() {
        given().contentType(ContentType.JSON)
                .body(Map.of("email", "not-an-email", "username", "bad_name", "password", ""))
                .post("/api/v2/users/first")
                .then()
                .statusCode(400)
                .body("message", equalTo("Validation failed."))
                .body("validations", hasSize(3))
                .body(
                        "validations.find { it.field == 'email' }.detail",
                        equalTo("Validation failed for tag \"email\" with value: \"not-an-email\""))
                .body(
                        "validations.find { it.field == 'username' }.detail",
                        equalTo("Validation failed for tag \"username\" with value: \"bad_name\""))
                .body(
                        "validations.find { it.field == 'password' }.detail",
                        equalTo("Validation failed for tag \"required\" with value: \"\""));
        assertThat(testUsersCount()).isZero();
    }

    @Test
    void weakPasswordIsRejectedWithThePolicyMessage() {
        given().contentType(ContentType.JSON)
                .body(Map.of("email", "a@example.com", "username", "admin", "password", "password"))
                .post("/api/v2/users/first")
                .then()
                .statusCode(400)
                .body("message", equalTo("Password is invalid"))
                .body("validations[0].field", equalTo("password"))
                .body("validations[0].detail", notNullValue());
        assertThat(testUsersCount()).isZero();
    }

    @Test
    void theSystemUsersReservedNameCannotBeTaken() {
        given().contentType(ContentType.JSON)
                .body(Map.of("email", "p@example.com", "username", "Prebuilds", "password", "SomeSecurePassword!"))
                .post("/api/v2/users/first")
                .then()
                .statusCode(409);
    }

    @Test
    void malformedAndEmptyBodiesAreJsonErrors() {
        given().contentType(ContentType.JSON)
                .body("{\"email\": ")
                .post("/api/v2/users/first")
                .then()
                .statusCode(400)
                .body("message", equalTo("Request body must be valid JSON."));
        given().contentType(ContentType.JSON)
                .post("/api/v2/users/first")
                .then()
                .statusCode(400)
                .body("message", equalTo("Request body must be valid JSON."))
                .body("detail", equalTo("EOF"));
    }

    private static UUID defaultOrganizationId() {
        return QuarkusTransaction.requiringNew().call(() -> Organization.findDefault().id);
    }

    private static long testUsersCount() {
        return QuarkusTransaction.requiringNew().call(User::countHumans);
    }
}
