package dev.coderusers.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.coderusers.testsupport.TestUsers;
import dev.coderusers.testsupport.TestUsers.TestUser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The two wire details where Coder's {@code httpapi.Read} sets the rules for every JSON endpoint: the body is
 * read as JSON whatever the {@code Content-Type} says, and every failing field of the body is reported at once.
 */
@QuarkusTest
class JsonBodiesTest {

    @Inject
    TestUsers testUsers;

    TestUser owner;

    @BeforeEach
    void reset() {
        testUsers.deleteAll();
        owner = testUsers.create("owner", "owner");
    }

    /** A request whose body goes out exactly as given, under this Content-Type (or none). */
    private static RequestSpecification raw(String contentType) {
        return given().config(RestAssuredConfig.config()
                        .encoderConfig(EncoderConfig.encoderConfig()
                                .appendDefaultContentCharsetToContentTypeIfUndefined(false)
                                .encodeContentTypeAs(contentType, ContentType.TEXT)))
                .contentType(contentType);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                // What curl -d sends.
                "application/x-www-form-urlencoded",
                "text/plain",
                "application/octet-stream",
                "application/json; charset=iso-8859-1"
            })
    void aJsonBodyIsReadWhateverTheContentType(String contentType) {
        raw(contentType)
                .body("{\"email\":\"owner@example.com\",\"password\":\"" + TestUsers.PASSWORD + "\"}")
                .post("/api/v2/users/login")
                .then()
                .statusCode(201)
                .body("session_token", not(nullValue()));
    }

    @TestHTTPResource("/api/v2/users/login")
    URI login;

    @Test
    void aJsonBodyIsReadWithoutAContentType() throws Exception {
        // java.net.http sends no Content-Type unless told to (REST Assured always names one).
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(login)
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"email\":\"owner@example.com\",\"password\":\"" + TestUsers.PASSWORD
                                                + "\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.request().headers().firstValue("Content-Type")).isEmpty();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    @Test
    void aBodyThatIsNotJsonIsAJsonErrorWhateverTheContentType() {
        raw("application/x-www-form-urlencoded")
                .body("email=owner%40example.com&password=x")
                .post("/api/v2/users/login")
                .then()
                .statusCode(400)
                .body("message", equalTo("Request body must be valid JSON."));
        raw("text/plain")
                .post("/api/v2/users/login")
                .then()
                .statusCode(400)
                .body("message", equalTo("Request body must be valid JSON."))
                .body("detail", equalTo("EOF"));
    }

    @Test
    void aFormContentTypeReachesEndpointsUnderAUserToo() {
        raw("application/x-www-form-urlencoded")
                .header("Coder-Session-Token", owner.token())
                .body("{\"username\":\"owner\",\"name\":\"The Owner\"}")
                .put("/api/v2/users/me/profile")
                .then()
                .statusCode(200)
                .body("name", equalTo("The Owner"));
    }

    private static ValidatableResponse post(String path, String token, String body) {
        RequestSpecification request = raw("application/json").body(body);
        if (token != null) {
            request.header("Coder-Session-Token", token);
        }
        return request.post(path).then();
    }

    @Test
    void createUserReportsEmailAndUsernameTogether() {
        post("/api/v2/users", owner.token(), "{}")
                .statusCode(400)
                .body("message", equalTo("Validation failed."))
                .body("validations.field", contains("email", "username"))
                .body(
                        "validations[0].detail",
                        equalTo("Validation failed for tag \"required_unless\" with value: \"\""))
                .body("validations[1].detail", equalTo("Validation failed for tag \"required\" with value: \"\""));
        post("/api/v2/users", owner.token(), "{\"email\":\"not an email\",\"username\":\"-x-\",\"name\":\" padded \"}")
                .statusCode(400)
                .body("validations.field", contains("email", "name", "username"));
    }

    @Test
    void firstUserReportsEveryMissingField() {
        testUsers.deleteAll();
        post("/api/v2/users/first", null, "{}")
                .statusCode(400)
                .body("validations.field", contains("email", "password", "username"));
    }

    @Test
    void loginReportsEmailAndPasswordTogether() {
        post("/api/v2/users/login", null, "{\"email\":\"nope\"}")
                .statusCode(400)
                .body("validations.field", contains("email", "password"))
                .body("validations[0].detail", equalTo("Validation failed for tag \"email\" with value: \"nope\""));
    }

    @Test
    void profileReportsUsernameAndNameTogether() {
        raw("application/json")
                .header("Coder-Session-Token", owner.token())
                .body("{\"username\":\"\",\"name\":\" x\"}")
                .put("/api/v2/users/me/profile")
                .then()
                .statusCode(400)
                .body("validations.field", contains("name", "username"));
    }

    @Test
    void appearanceReportsBothSettingsTogether() {
        raw("application/json")
                .header("Coder-Session-Token", owner.token())
                .body("{}")
                .put("/api/v2/users/me/appearance")
                .then()
                .statusCode(400)
                .body("validations.field", contains("terminal_font", "theme_preference"));
    }
}
