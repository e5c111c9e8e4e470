package dev.coderusers.preference;

import static dev.coderusers.testsupport.ApiMessages.NOT_FOUND;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.coderusers.testsupport.TestUsers;
import dev.coderusers.testsupport.TestUsers.TestUser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class PreferenceTest {

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
    void settingsNeverStoredReadAsTheirDefaults() {
        given().header("Coder-Session-Token", target.token())
                .get("/api/v2/users/me/preferences")
                .then()
                .statusCode(200)
                .body("task_notification_alert_dismissed", equalTo(false))
                .body("thinking_display_mode", equalTo("auto"))
                .body("code_diff_display_mode", equalTo("auto"));
    }

    @Test
    void anUpdateChangesOnlyWhatItGivesAndAnswersTheFullSet() {
        put(target.token(), "me", "{\"task_notification_alert_dismissed\": true}")
                .then()
                .statusCode(200)
                .body("task_notification_alert_dismissed", equalTo(true))
                .body("thinking_display_mode", equalTo("auto"))
                .body("code_diff_display_mode", equalTo("auto"));
        assertThat(stored(target.id()))
                .containsExactlyEntriesOf(Map.of("preference_task_notification_alert_dismissed", "true"));

        // null and "" mean "unchanged", like absent fields.
        put(
                        target.token(),
                        "me",
                        "{\"task_notification_alert_dismissed\": null, \"thinking_display_mode\": \"preview\","
                                + " \"code_diff_display_mode\": \"\"}")
                .then()
                .statusCode(200)
                .body("task_notification_alert_dismissed", equalTo(true))
                .body("thinking_display_mode", equalTo("preview"))
                .body("code_diff_display_mode", equalTo("auto"));
        assertThat(stored(target.id()))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "preference_task_notification_alert_dismissed", "true",
                        "preference_thinking_display_mode", "preview"));

        put(
                        target.token(),
                        "me",
                        "{\"task_notification_alert_dismissed\": false, \"code_diff_display_mode\": \"always_collapsed\"}")
                .then()
                .statusCode(200)
                .body("task_notification_alert_dismissed", equalTo(false))
                .body("thinking_display_mode", equalTo("preview"))
                .body("code_diff_display_mode", equalTo("always_collapsed"));
        assertThat(stored(target.id()))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "preference_task_notification_alert_dismissed", "false",
                        "preference_thinking_display_mode", "preview",
                        "preference_code_diff_display_mode", "always_collapsed"));
        given().header("Coder-Session-Token", target.token())
                .get("/api/v2/users/target/preferences")
                .then()
                .statusCode(200)
                .body("task_notification_alert_dismissed", equalTo(false))
                .body("thinking_display_mode", equalTo("preview"))
                .body("code_diff_display_mode", equalTo("always_collapsed"));
    }

    @Test
    void anEmptyUpdateChangesNothing() {
        put(target.token(), "me", "{}")
                .then()
                .statusCode(200)
                .body("task_notification_alert_dismissed", equalTo(false))
                .body("thinking_display_mode", equalTo("auto"));
        assertThat(stored(target.id())).isEmpty();
    }

    @Test
    void anInvalidThinkingModeIsRejectedWithCodersMessageAndNothingIsStored() {
        put(
                        target.token(),
                        "me",
                        "{\"task_notification_alert_dismissed\": true, \"thinking_display_mode\": \"sometimes\"}")
                .then()
                .statusCode(400)
                .body("message", equalTo("Invalid thinking display mode."))
                .body("validations", hasSize(1))
                .body("validations[0].field", equalTo("thinking_display_mode"))
                .body(
                        "validations[0].detail",
                        equalTo("must be one of: auto, preview, always_expanded, always_collapsed"));
        assertThat(stored(target.id())).isEmpty();
    }

    @Test
    void previewIsNotACodeDiffMode() {
        put(target.token(), "me", "{\"code_diff_display_mode\": \"preview\"}")
                .then()
                .statusCode(400)
                .body("message", equalTo("Invalid code diff display mode."))
                .body("validations", hasSize(1))
                .body("validations[0].field", equalTo("code_diff_display_mode"))
                .body("validations[0].detail", equalTo("must be one of: auto, always_expanded, always_collapsed"));
        assertThat(stored(target.id())).isEmpty();
    }

    @Test
    void theThinkingModeIsJudgedFirst() {
        put(target.token(), "me", "{\"thinking_display_mode\": \"x\", \"code_diff_display_mode\": \"y\"}")
                .then()
                .statusCode(400)
                .body("message", equalTo("Invalid thinking display mode."));
    }

    @Test
    void aBodyOfTheWrongShapeIsInvalidJson() {
        put(target.token(), "me", "{\"task_notification_alert_dismissed\": {}}")
                .then()
                .statusCode(400)
                .body("message", equalTo("Request body must be valid JSON."));
        given().header("Coder-Session-Token", target.token())
                .contentType(ContentType.JSON)
                .put("/api/v2/users/me/preferences")
                .then()
                .statusCode(400)
                .body("message", equalTo("Request body must be valid JSON."))
                .body("detail", equalTo("EOF"));
    }

    @Test
    void storedValuesOutsideTheEnumerationsReadAsAuto() {
        QuarkusTransaction.requiringNew().run(() -> {
            insert(target.id(), "preference_thinking_display_mode", "sideways");
            insert(target.id(), "preference_code_diff_display_mode", "preview");
            insert(target.id(), "preference_task_notification_alert_dismissed", "maybe");
        });

        given().header("Coder-Session-Token", target.token())
                .get("/api/v2/users/me/preferences")
                .then()
                .statusCode(200)
                .body("task_notification_alert_dismissed", equalTo(false))
                .body("thinking_display_mode", equalTo("auto"))
                .body("code_diff_display_mode", equalTo("auto"));
    }

    @Test
    void signedOutCallersGet401() {
        given().get("/api/v2/users/target/preferences").then().statusCode(401);
        given().contentType(ContentType.JSON)
                .body("{}")
                .put("/api/v2/users/target/preferences")
                .then()
                .statusCode(401);
    }

    @ParameterizedTest
    @CsvSource({"owner, 200", "user-admin, 200", "template-admin, 404", "auditor, 404", "member, 404"})
    void onlyOwnersAndUserAdminsReadAnotherUsersPreferences(String role, int status) {
        put(target.token(), "me", "{\"thinking_display_mode\": \"always_expanded\"}");

        var response = given().header("Coder-Session-Token", callers.get(role).token())
                .get("/api/v2/users/target/preferences")
                .then()
                .statusCode(status);
        if (status == 200) {
            response.body("thinking_display_mode", equalTo("always_expanded"));
        } else {
            response.body("message", equalTo(NOT_FOUND));
        }
    }

    @ParameterizedTest
    @CsvSource({"owner, 200", "user-admin, 200", "template-admin, 404", "auditor, 404", "member, 404"})
    void onlyOwnersAndUserAdminsChangeAnotherUsersPreferences(String role, int status) {
        put(callers.get(role).token(), "target", "{\"task_notification_alert_dismissed\": true}")
                .then()
                .statusCode(status);

        assertThat(stored(target.id()))
                .isEqualTo(status == 200 ? Map.of("preference_task_notification_alert_dismissed", "true") : Map.of());
    }

    private static Response put(String token, String user, String json) {
        return given().header("Coder-Session-Token", token)
                .contentType(ContentType.JSON)
                .body(json)
                .put("/api/v2/users/" + user + "/preferences");
    }

    private static void insert(UUID userId, String key, String value) {
        UserConfig row = new UserConfig();
        row.userId = userId;
        row.key = key;
        row.value = value;
        row.persist();
    }

    private static Map<String, String> stored(UUID userId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<UserConfig> rows = UserConfig.list("userId", userId);
            return rows.stream().collect(Collectors.toMap(r -> r.key, r -> r.value, (a, b) -> a, HashMap::new));
        });
    }
}
