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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class AppearanceTest {

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
    void settingsAreEmptyUntilSet() {
        given().header("Coder-Session-Token", target.token())
                .get("/api/v2/users/me/appearance")
                .then()
                .statusCode(200)
                .body("theme_preference", equalTo(""))
                .body("terminal_font", equalTo(""));
        assertThat(stored(target.id())).isEmpty();
    }

    @Test
    void putStoresBothSettingsAndReplacesThemOnTheNextPut() {
        put(target.token(), "me", Map.of("theme_preference", "dark", "terminal_font", "fira-code"))
                .then()
                .statusCode(200)
                .body("theme_preference", equalTo("dark"))
                .body("terminal_font", equalTo("fira-code"));
        assertThat(stored(target.id()))
                .containsExactlyInAnyOrderEntriesOf(Map.of("theme_preference", "dark", "terminal_font", "fira-code"));

        put(target.token(), "target", Map.of("theme_preference", "light-tritan", "terminal_font", "jetbrains-mono"))
                .then()
                .statusCode(200);
        assertThat(stored(target.id()))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("theme_preference", "light-tritan", "terminal_font", "jetbrains-mono"));
        given().header("Coder-Session-Token", target.token())
                .get("/api/v2/users/" + target.id() + "/appearance")
                .then()
                .statusCode(200)
                .body("theme_preference", equalTo("light-tritan"))
                .body("terminal_font", equalTo("jetbrains-mono"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"geist-mono", "ibm-plex-mono", "fira-code", "source-code-pro", "jetbrains-mono"})
    void everySupportedFontIsAccepted(String font) {
        put(target.token(), "me", Map.of("theme_preference", "auto", "terminal_font", font))
                .then()
                .statusCode(200)
                .body("terminal_font", equalTo(font));
    }

    @Test
    void anUnsupportedFontIsRejectedAndNothingIsStored() {
        put(target.token(), "me", Map.of("theme_preference", "dark", "terminal_font", "comic-sans"))
                .then()
                .statusCode(400)
                .body("message", equalTo("Unsupported font family."));
        assertThat(stored(target.id())).isEmpty();
    }

    @Test
    void bothFieldsAreRequiredAndNonEmpty() {
        put(target.token(), "me", Map.of("theme_preference", ""))
                .then()
                .statusCode(400)
                .body("message", equalTo("Validation failed."))
                .body("validations", hasSize(2))
                .body("validations[0].field", equalTo("terminal_font"))
                .body("validations[0].detail", equalTo("Validation failed for tag \"required\" with value: \"\""))
                .body("validations[1].field", equalTo("theme_preference"))
                .body("validations[1].detail", equalTo("Validation failed for tag \"required\" with value: \"\""));
        assertThat(stored(target.id())).isEmpty();
    }

    @Test
    void aMissingOrMalformedBodyIsInvalidJson() {
        given().header("Coder-Session-Token", target.token())
                .contentType(ContentType.JSON)
                .put("/api/v2/users/me/appearance")
                .then()
                .statusCode(400)
                .body("message", equalTo("Request body must be valid JSON."))
                .body("detail", equalTo("EOF"));
        given().header("Coder-Session-Token", target.token())
                .contentType(ContentType.JSON)
                .body("{\"theme_preference\":")
                .put("/api/v2/users/me/appearance")
                .then()
                .statusCode(400)
                .body("message", equalTo("Request body must be valid JSON."));
    }

    @Test
    void signedOutCallersGet401() {
        given().get("/api/v2/users/target/appearance").then().statusCode(401);
        given().contentType(ContentType.JSON)
                .body(Map.of("theme_preference", "dark", "terminal_font", "fira-code"))
                .put("/api/v2/users/target/appearance")
                .then()
                .statusCode(401);
    }

    @ParameterizedTest
    @CsvSource({"owner, 200", "user-admin, 200", "template-admin, 404", "auditor, 404", "member, 404"})
    void onlyOwnersAndUserAdminsReadAnotherUsersAppearance(String role, int status) {
        put(target.token(), "me", Map.of("theme_preference", "dark", "terminal_font", "fira-code"));

        var response = given().header("Coder-Session-Token", callers.get(role).token())
                .get("/api/v2/users/target/appearance")
                .then()
                .statusCode(status);
        if (status == 200) {
            response.body("theme_preference", equalTo("dark")).body("terminal_font", equalTo("fira-code"));
        } else {
            response.body("message", equalTo(NOT_FOUND));
        }
    }

    @ParameterizedTest
    @CsvSource({"owner, 200", "user-admin, 200", "template-admin, 404", "auditor, 404", "member, 404"})
    void onlyOwnersAndUserAdminsChangeAnotherUsersAppearance(String role, int status) {
        put(callers.get(role).token(), "target", Map.of("theme_preference", "dark", "terminal_font", "fira-code"))
                .then()
                .statusCode(status);

        assertThat(stored(target.id()))
                .isEqualTo(status == 200 ? Map.of("theme_preference", "dark", "terminal_font", "fira-code") : Map.of());
    }

    @Test
    void theUserIsResolvedBeforeTheBodyIsJudgedAndTheBodyBeforeThePermission() {
        // A member cannot see the target at all: 404 whatever the body (Coder's middleware runs first).
        put(callers.get("member").token(), "target", Map.of())
                .then()
                .statusCode(404)
                .body("message", equalTo(NOT_FOUND));
        // An auditor sees the target: its bad body is reported before its missing permission, as in Coder.
        put(callers.get("auditor").token(), "target", Map.of("theme_preference", "dark", "terminal_font", "x"))
                .then()
                .statusCode(400)
                .body("message", equalTo("Unsupported font family."));
    }

    private static Response put(String token, String user, Map<String, String> body) {
        return given().header("Coder-Session-Token", token)
                .contentType(ContentType.JSON)
                .body(body)
                .put("/api/v2/users/" + user + "/appearance");
    }

    private static Map<String, String> stored(UUID userId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<UserConfig> rows = UserConfig.list("userId", userId);
            return rows.stream().collect(Collectors.toMap(r -> r.key, r -> r.value));
        });
    }
}
