package dev.coderusers.user;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import dev.coderusers.apikey.ApiKey;
import dev.coderusers.testsupport.SmtpServer;
import dev.coderusers.testsupport.SmtpServer.Received;
import dev.coderusers.testsupport.TestClock;
import dev.coderusers.testsupport.TestUsers;
import dev.coderusers.testsupport.TestUsers.TestUser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Password reset by one-time passcode end to end: the service sends the passcode through a real SMTP server,
 * the test reads it from the received message and changes the password with it.
 */
@QuarkusTest
@TestProfile(PasswordResetProfile.class)
class PasswordResetTest {

    static final String NEW_PASSWORD = "AnotherSecurePassword?42";
    static final Pattern PASSCODE = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    static final Duration MAIL_WAIT = Duration.ofSeconds(20);

    @Inject
    TestUsers testUsers;

    @Inject
    TestClock clock;

    TestUser alice;

    @BeforeEach
    void reset() {
        testUsers.deleteAll();
        SmtpServer.clear();
        alice = testUsers.create("alice");
    }

    static ValidatableResponse requestPasscode(String email) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("email", email))
                .post("/api/v2/users/otp/request")
                .then();
    }

    static ValidatableResponse changePassword(String email, String passcode, String password) {
        Map<String, String> body = new HashMap<>();
        body.put("email", email);
        body.put("one_time_passcode", passcode);
        body.put("password", password);
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v2/users/otp/change-password")
                .then();
    }

    static int login(String email, String password) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", password))
                .post("/api/v2/users/login")
                .statusCode();
    }

    /** Requests a passcode for the address and reads it from the one message that arrives. */
    static String passcodeMailedTo(String email) {
        requestPasscode(email).statusCode(204);
        List<Received> messages = SmtpServer.awaitMessages(1, MAIL_WAIT);
        assertThat(messages).hasSize(1);
        Matcher passcode = PASSCODE.matcher(messages.get(0).body());
        assertThat(passcode.find()).as(messages.get(0).body()).isTrue();
        return passcode.group();
    }

    static User user(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> User.<User>findById(id));
    }

    @Test
    void thePasscodeFromTheEmailChangesThePasswordOnceAndSignsTheUserOut() {
        Instant requested = Instant.now();
        String passcode = passcodeMailedTo(alice.email());

        Received mail = SmtpServer.received().get(0);
        assertThat(mail.to()).containsExactly(alice.email());
        assertThat(mail.from()).isEqualTo(SmtpServer.FROM);
        assertThat(mail.subject()).isEqualTo("Your one-time passcode to reset your password");
        assertThat(mail.body()).startsWith("Hi alice,").contains("2 minutes");
        // Only a hash is stored, with the expiry of the configured lifetime.
        User stored = user(alice.id());
        assertThat(stored.hashedOneTimePasscode).hasSize(32).isNotEqualTo(passcode.getBytes());
        assertThat(new String(stored.hashedOneTimePasscode, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain(passcode);
        assertThat(stored.oneTimePasscodeExpiresAt)
                .isBetween(
                        requested.plus(Duration.ofMinutes(2)).minusSeconds(5),
                        Instant.now().plus(Duration.ofMinutes(2)));

        changePassword(alice.email(), passcode, NEW_PASSWORD).statusCode(204);

        assertThat(login(alice.email(), NEW_PASSWORD)).isEqualTo(201);
        assertThat(login(alice.email(), TestUsers.PASSWORD)).isEqualTo(401);
        // Every key of the user was deleted: the session made before the reset no longer works.
        given().header("Coder-Session-Token", alice.token())
                .get("/api/v2/users/me")
                .then()
                .statusCode(401);
        assertThat(user(alice.id()).hashedOneTimePasscode).isNull();
        // One use only.
        changePassword(alice.email(), passcode, NEW_PASSWORD + "!")
                .statusCode(400)
                .body("message", equalTo("Incorrect email or one-time passcode."));
        assertThat(login(alice.email(), NEW_PASSWORD)).isEqualTo(201);
    }

    @Test
    void emailsAreMatchedWithoutRegardToCase() {
        String passcode = passcodeMailedTo("ALICE@Example.com");
        changePassword("Alice@EXAMPLE.com", passcode, NEW_PASSWORD).statusCode(204);
        assertThat(login(alice.email(), NEW_PASSWORD)).isEqualTo(201);
    }

    @Test
    void anExpiredPasscodeIsTheSame400AsAWrongOne() {
        String passcode = passcodeMailedTo(alice.email());
        // Passcodes last two minutes in this profile (PasswordResetProfile).
        clock.advance(Duration.ofMinutes(2).plusSeconds(1));

        changePassword(alice.email(), passcode, NEW_PASSWORD)
                .statusCode(400)
                .body("message", equalTo("Incorrect email or one-time passcode."))
                .body("detail", equalTo(null));
        changePassword(alice.email(), UUID.randomUUID().toString(), NEW_PASSWORD)
                .statusCode(400)
                .body("message", equalTo("Incorrect email or one-time passcode."));
        assertThat(login(alice.email(), TestUsers.PASSWORD)).isEqualTo(201);
    }

    @Test
    void aPasscodeWorksOnlyForItsOwnUser() {
        TestUser bob = testUsers.create("bob");
        String alicesPasscode = passcodeMailedTo(alice.email());

        changePassword(bob.email(), alicesPasscode, NEW_PASSWORD)
                .statusCode(400)
                .body("message", equalTo("Incorrect email or one-time passcode."));
        changePassword("nobody@example.com", alicesPasscode, NEW_PASSWORD).statusCode(400);
        assertThat(login(bob.email(), TestUsers.PASSWORD)).isEqualTo(201);
    }

    @Test
    void aNewRequestReplacesTheEarlierPasscode() {
        String first = passcodeMailedTo(alice.email());
        SmtpServer.clear();
        String second = passcodeMailedTo(alice.email());

        assertThat(second).isNotEqualTo(first);
        changePassword(alice.email(), first, NEW_PASSWORD).statusCode(400);
        changePassword(alice.email(), second, NEW_PASSWORD).statusCode(204);
    }

    @Test
    void unknownAddressesAndUsersWithoutAPasswordGetTheSame204AndNoEmail() {
        TestUser oidc = testUsers.create("oidcuser");
        QuarkusTransaction.requiringNew().run(() -> User.<User>findById(oidc.id()).loginType = LoginType.OIDC);

        requestPasscode("nobody@example.com").statusCode(204);
        requestPasscode(oidc.email()).statusCode(204);
        // A known password user's request goes out after them; the two before it sent nothing.
        requestPasscode(alice.email()).statusCode(204);
        List<Received> messages = SmtpServer.awaitMessages(1, MAIL_WAIT);
        assertThat(messages).extracting(Received::to).containsExactly(List.of(alice.email()));
        assertThat(user(oidc.id()).hashedOneTimePasscode).isNull();
    }

    @Test
    void theNewPasswordMustBeStrongAndNew() {
        String passcode = passcodeMailedTo(alice.email());

        changePassword(alice.email(), passcode, "password")
                .statusCode(400)
                .body("message", equalTo("Invalid password."))
                .body("validations.field", contains("password"));
        changePassword(alice.email(), passcode, TestUsers.PASSWORD)
                .statusCode(400)
                .body("message", equalTo("New password cannot match old password."));
        // Neither attempt spent the passcode.
        changePassword(alice.email(), passcode, NEW_PASSWORD).statusCode(204);
    }

    @Test
    void invalidBodiesReportEveryField() {
        requestPasscode("not-an-email").statusCode(400).body("validations.field", contains("email"));
        given().contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v2/users/otp/change-password")
                .then()
                .statusCode(400)
                .body("message", equalTo("Validation failed."))
                .body("validations.field", contains("email", "one_time_passcode", "password"));
        given().contentType(ContentType.JSON)
                .post("/api/v2/users/otp/request")
                .then()
                .statusCode(400)
                .body("detail", equalTo("EOF"));
        assertThat(SmtpServer.received()).isEmpty();
    }

    @Test
    void changingThePasswordTheUsualWayVoidsAnOutstandingPasscode() {
        String passcode = passcodeMailedTo(alice.email());
        given().header("Coder-Session-Token", alice.token())
                .contentType(ContentType.JSON)
                .body(Map.of("old_password", TestUsers.PASSWORD, "password", NEW_PASSWORD))
                .put("/api/v2/users/me/password")
                .then()
                .statusCode(204);

        changePassword(alice.email(), passcode, "YetAnotherSecurePassword?7").statusCode(400);
        assertThat(QuarkusTransaction.requiringNew().call(() -> ApiKey.count("userId", alice.id())))
                .isZero();
    }
}
