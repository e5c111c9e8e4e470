package dev.coderusers.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import dev.coderusers.testsupport.CapturedLog;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.List;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

/**
 * Every answer carries its request id in {@code X-Request-Id}; a 5xx also at the end of its detail, and the log
 * line of the failure has the same id (in its text and in the MDC, which JSON logs show), so that what a user
 * reports leads to the log.
 */
@QuarkusTest
class RequestIdTest {

    static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void everyAnswerHasAnIdOfItsOwn() {
        String first = given().get("/api/v2/users/authmethods")
                .then()
                .statusCode(200)
                .header(RequestIds.HEADER, matchesPattern(UUID))
                .extract()
                .header(RequestIds.HEADER);
        String second = given().get("/api/v2/users/me")
                .then()
                .statusCode(401)
                .header(RequestIds.HEADER, matchesPattern(UUID))
                .extract()
                .header(RequestIds.HEADER);
        given().get("/api/v2/no-such-route").then().statusCode(404).header(RequestIds.HEADER, matchesPattern(UUID));

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void aProxysRequestIdIsKeptAndAMalformedOneReplaced() {
        given().header(RequestIds.HEADER, "ingress-4f1c.7:a_b")
                .get("/api/v2/users/authmethods")
                .then()
                .header(RequestIds.HEADER, equalTo("ingress-4f1c.7:a_b"));
        given().header(RequestIds.HEADER, "two words\" {\"injected\":1}")
                .get("/api/v2/users/authmethods")
                .then()
                .header(RequestIds.HEADER, matchesPattern(UUID));
    }

    @Test
    void anUnexpectedFailureAnswersItsIdAndLogsItWithTheSameId() {
        ExtractableResponse<Response> answer;
        List<ExtLogRecord> logged;
        try (CapturedLog log = CapturedLog.of(ApiExceptionMappers.class.getName())) {
            answer = given().get("/api/v2/test-only/failure").then().extract();
            logged = log.records();
        }

        String id = answer.header(RequestIds.HEADER);
        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat(id).matches(UUID);
        assertThat(answer.<String>path("message")).isEqualTo("An internal error occurred. Please try again later.");
        assertThat(answer.<String>path("detail")).isEqualTo("Request id " + id + ".");
        assertThat(answer.asString())
                .doesNotContain(FailingTestResource.FAILURE)
                .doesNotContain("IllegalState");
        assertThat(logged).singleElement().satisfies(record -> {
            assertThat(record.getFormattedMessage()).contains(id);
            assertThat(record.getMdc(RequestIds.MDC_KEY)).isEqualTo(id);
            assertThat(record.getThrown()).hasMessage(FailingTestResource.FAILURE);
        });
    }
}
