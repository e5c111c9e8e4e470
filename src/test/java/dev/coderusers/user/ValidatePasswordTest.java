package dev.coderusers.user;

import static dev.coderusers.testsupport.ApiMessages.SIGNED_OUT;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import dev.coderusers.testsupport.TestUsers;
import dev.coderusers.testsupport.TestUsers.TestUser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code POST /users/validate-password}, and the passcode request of a deployment without an SMTP server (the
 * default test configuration names no {@code quarkus.mailer.from}).
 */
@QuarkusTest
class ValidatePasswordTest {

    @Inject
    TestUsers testUsers;

    TestUser member;

    @BeforeEach
    void reset() {
        testUsers.deleteAll();
        member = testUsers.create("member");
    }

    private static ValidatableResponse validate(String token, Object body) {
        return given().header("Coder-Session-Token", token)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v2/users/validate-password")
                .then();
    }

    @ParameterizedTest
    @ValueSource(strings = {"SomeSecurePassword!", "correcthorse", "Password1!"})
    void aStrongPasswordIsValid(String password) {
        validate(member.token(), Map.of("password", password))
                .statusCode(200)
                .body("valid", equalTo(true))
                .body("details", equalTo(""));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "password|insecure password, try including more special characters, using uppercase letters, using"
                        + " numbers or using a longer password",
                "Abcdef12|insecure password, try including more special characters or using a longer password",
                "aB3!aB3!aB3!aB3!aB3!aB3!aB3!aB3!aB3!aB3!aB3!aB3!aB3!aB3!aB3!aB3!aB3!|password must be no more than"
                        + " 64 characters"
            })
    void aWeakPasswordGetsTheAdviceOfAPasswordChange(String password, String advice) {
        validate(member.token(), Map.of("password", password))
                .statusCode(200)
                .body("valid", equalTo(false))
                .body("details", equalTo(advice));
        // The same words a password change answers with.
        given().header("Coder-Session-Token", member.token())
                .contentType(ContentType.JSON)
                .body(Map.of("old_password", TestUsers.PASSWORD, "password", password))
                .put("/api/v2/users/me/password")
                .then()
                .statusCode(400)
                .body("validations[0].detail", equalTo(advice));
    }

    @Test
    void signedInUsersOnly() {
        given().contentType(ContentType.JSON)
                .body(Map.of("password", "SomeSecurePassword!"))
                .post("/api/v2/users/validate-password")
                .then()
                .statusCode(401)
                .body("message", equalTo(SIGNED_OUT));
    }

    @Test
    void aMissingPasswordIsAValidationError() {
        validate(member.token(), Map.of())
                .statusCode(400)
                .body("message", equalTo("Validation failed."))
                .body("validations.field", contains("password"));
        validate(member.token(), Map.of("password", 5))
                .statusCode(400)
                .body("message", equalTo("Request body must be valid JSON."));
    }

    @Test
    void withoutAnSmtpServerAPasscodeRequestAnswers204AndStoresNothing() {
        given().contentType(ContentType.JSON)
                .body(Map.of("email", member.email()))
                .post("/api/v2/users/otp/request")
                .then()
                .statusCode(204);

        assertThat(QuarkusTransaction.requiringNew().call(() -> User.<User>findById(member.id()).hashedOneTimePasscode))
                .isNull();
    }
}
