package dev.coderusers.role;

import static dev.coderusers.testsupport.ApiMessages.SIGNED_OUT;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import dev.coderusers.testsupport.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SiteRolesTest {

    @Inject
    TestUsers testUsers;

    @BeforeEach
    void reset() {
        testUsers.deleteAll();
    }

    @Test
    void ownersMayAssignEverySiteRole() {
        String token = testUsers.create("owner", "owner").token();
        given().header("Coder-Session-Token", token)
                .get("/api/v2/users/roles")
                .then()
                .statusCode(200)
                .body("name", contains("owner", "auditor", "template-admin", "user-admin"))
                .body("display_name", contains("Owner", "Auditor", "Template Admin", "User Admin"))
                .body("assignable", contains(true, true, true, true))
                .body("built_in", contains(true, true, true, true));
    }

    @Test
    void userAdminsAndMembersMayAssignNone() {
        for (String token : new String[] {
            testUsers.create("useradmin", "user-admin").token(),
            testUsers.create("member").token()
        }) {
            given().header("Coder-Session-Token", token)
                    .get("/api/v2/users/roles")
                    .then()
                    .statusCode(200)
                    .body("assignable", contains(false, false, false, false));
        }
    }

    @Test
    void rolesNeedASession() {
        given().get("/api/v2/users/roles").then().statusCode(401).body("message", equalTo(SIGNED_OUT));
    }
}
