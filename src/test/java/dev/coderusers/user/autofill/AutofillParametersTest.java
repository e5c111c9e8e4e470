package dev.coderusers.user.autofill;

import static dev.coderusers.testsupport.ApiMessages.NOT_FOUND;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.coderusers.testsupport.TestUsers;
import dev.coderusers.testsupport.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class AutofillParametersTest {

    static final String TEMPLATE = "c8ae1c2c-2a1c-4b27-9b3e-6a2a1d0c5e11";

    @Inject
    TestUsers testUsers;

    TestUser target;
    Map<String, TestUser> callers;

    @BeforeEach
    void reset() {
        testUsers.deleteAll();
        target = testUsers.create("target");
        callers = testUsers.oneOfEachRole();
    }

    @Test
    void withoutWorkspaceBuildsTheAnswerIsAnEmptyList() {
        given().header("Coder-Session-Token", target.token())
                .queryParam("template_id", TEMPLATE)
                .get("/api/v2/users/me/autofill-parameters")
                .then()
                .statusCode(200)
                .body(equalTo("[]"));
    }

    @Test
    void theTemplateIdIsRequired() {
        given().header("Coder-Session-Token", target.token())
                .get("/api/v2/users/me/autofill-parameters")
                .then()
                .statusCode(400)
                .body("message", equalTo("Invalid query parameters."))
                .body("validations", hasSize(1))
                .body("validations[0].field", equalTo("template_id"))
                .body("validations[0].detail", equalTo("Query param \"template_id\" is required and cannot be empty"));
        given().header("Coder-Session-Token", target.token())
                .get("/api/v2/users/me/autofill-parameters?template_id=")
                .then()
                .statusCode(400)
                .body("validations[0].detail", equalTo("Query param \"template_id\" is required and cannot be empty"));
    }

    @Test
    void theTemplateIdMustBeAUuid() {
        given().header("Coder-Session-Token", target.token())
                .queryParam("template_id", "not-a-uuid")
                .get("/api/v2/users/me/autofill-parameters")
                .then()
                .statusCode(400)
                .body("message", equalTo("Invalid query parameters."))
                .body("validations", hasSize(1))
                .body("validations[0].field", equalTo("template_id"))
                .body("validations[0].detail", equalTo("Query param \"template_id\" must be a valid uuid"));
        given().header("Coder-Session-Token", target.token())
                .queryParam("template_id", TEMPLATE, UUID.randomUUID().toString())
                .get("/api/v2/users/me/autofill-parameters")
                .then()
                .statusCode(400)
                .body(
                        "validations[0].detail",
                        equalTo("Query param \"template_id\" provided more than once, found 2 times. Only provide 1"
                                + " instance of this query param."));
    }

    @Test
    void everyOtherQueryParameterIsRejectedAlongsideTheOtherProblems() {
        given().header("Coder-Session-Token", target.token())
                .queryParam("limit", "5")
                .queryParam("x", "")
                .get("/api/v2/users/me/autofill-parameters")
                .then()
                .statusCode(400)
                .body("message", equalTo("Invalid query parameters."))
                .body("validations", hasSize(3))
                .body("validations[0].field", equalTo("template_id"))
                .body(
                        "validations.detail",
                        containsInAnyOrder(
                                "Query param \"template_id\" is required and cannot be empty",
                                "\"limit\" is not a valid query param",
                                "\"x\" is not a valid query param"));
    }

    @Test
    void aSessionTokenInTheQueryIsAnExcessParameterAsInCoder() {
        given().queryParam("coder_session_token", target.token())
                .queryParam("template_id", TEMPLATE)
                .get("/api/v2/users/me/autofill-parameters")
                .then()
                .statusCode(400)
                .body("validations", hasSize(1))
                .body("validations[0].detail", equalTo("\"coder_session_token\" is not a valid query param"));
    }

    @Test
    void signedOutCallersGet401() {
        given().queryParam("template_id", TEMPLATE)
                .get("/api/v2/users/target/autofill-parameters")
                .then()
                .statusCode(401);
    }

    @ParameterizedTest
    @CsvSource({"owner, 200", "user-admin, 200", "template-admin, 404", "auditor, 404", "member, 404"})
    void onlyOwnersAndUserAdminsReadAnotherUsersParameters(String role, int status) {
        var response = given().header("Coder-Session-Token", callers.get(role).token())
                .queryParam("template_id", TEMPLATE)
                .get("/api/v2/users/target/autofill-parameters")
                .then()
                .statusCode(status);
        if (status == 200) {
            response.body(equalTo("[]"));
        } else {
            response.body("message", equalTo(NOT_FOUND));
        }
    }

    @Test
    void theQueryIsJudgedBeforeThePermissionButAfterTheUser() {
        // An auditor sees the target: a bad query is reported first, as in Coder.
        given().header("Coder-Session-Token", callers.get("auditor").token())
                .get("/api/v2/users/target/autofill-parameters")
                .then()
                .statusCode(400)
                .body("message", equalTo("Invalid query parameters."));
        // A member does not see the target at all.
        given().header("Coder-Session-Token", callers.get("member").token())
                .get("/api/v2/users/target/autofill-parameters")
                .then()
                .statusCode(404)
                .body("message", equalTo(NOT_FOUND));
    }
}
