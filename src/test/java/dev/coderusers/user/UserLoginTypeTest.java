package dev.coderusers.user;

import static dev.coderusers.testsupport.ApiMessages.NOT_FOUND;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.coderusers.testsupport.TestUsers;
import dev.coderusers.testsupport.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class UserLoginTypeTest {

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
    void theLoginTypeIsShownToTheUserItselfOnly() {
        given().header("Coder-Session-Token", member.token())
                .get("/api/v2/users/me/login-type")
                .then()
                .statusCode(200)
                .body("login_type", equalTo("password"));
        given().header("Coder-Session-Token", owner.token())
                .get("/api/v2/users/owner/login-type")
                .then()
                .statusCode(200)
                .body("login_type", equalTo("password"));
        for (String role : new String[] {"owner", "user-admin", "auditor", "template-admin"}) {
            TestUser caller = role.equals("owner") ? owner : testUsers.create(role.replace("-", ""), role);
            given().header("Coder-Session-Token", caller.token())
                    .get("/api/v2/users/member/login-type")
                    .then()
                    .statusCode(403)
                    .body("message", equalTo("You are not authorized to view this user's login type."));
        }
        given().header("Coder-Session-Token", member.token())
                .get("/api/v2/users/owner/login-type")
                .then()
                .statusCode(404)
                .body("message", equalTo(NOT_FOUND));
        given().get("/api/v2/users/me/login-type").then().statusCode(401);
    }
}
