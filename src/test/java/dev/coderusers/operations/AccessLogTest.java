package dev.coderusers.operations;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coderusers.api.RequestIds;
import dev.coderusers.testsupport.CapturedLog;
import dev.coderusers.testsupport.Poll;
import dev.coderusers.testsupport.TestUsers;
import dev.coderusers.testsupport.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

/**
 * The access log ({@code coder-users.access-log.enabled=true} in {@link OperationsProfile}): one line per request
 * with method, route template, status, duration, user id and request id, in the text and in the MDC - and never a
 * token, wherever the token travelled.
 */
@QuarkusTest
@TestProfile(OperationsProfile.class)
class AccessLogTest {

    @Inject
    TestUsers testUsers;

    @Test
    void aSignedInRequestIsLoggedByRouteWithItsUserAndWithoutItsToken() {
        TestUser carol = testUsers.create("access-carol");
        ExtLogRecord line;
        String requestId;
        try (CapturedLog log = CapturedLog.of(AccessLog.CATEGORY)) {
            // The token in the query, where a URL logger would write it down.
            requestId = given().queryParam("coder_session_token", carol.token())
                    .queryParam("limit", 1)
                    .get("/api/v2/users/" + carol.username())
                    .then()
                    .statusCode(200)
                    .extract()
                    .header(RequestIds.HEADER);
            line = awaitLine(log, requestId);
        }

        assertThat(line.getFormattedMessage())
                .startsWith("GET /api/v2/users/{user} 200 ")
                .contains("user=" + carol.id())
                .contains("request=" + requestId)
                .contains("path=/api/v2/users/access-carol?coder_session_token=REDACTED&limit=1")
                .doesNotContain(carol.token());
        assertThat(line.getMdc("method")).isEqualTo("GET");
        assertThat(line.getMdc("route")).isEqualTo("/api/v2/users/{user}");
        assertThat(line.getMdc("status")).isEqualTo("200");
        assertThat(line.getMdc("durationMs")).matches("\\d+\\.\\d");
        assertThat(line.getMdc("userId")).isEqualTo(carol.id().toString());
        assertThat(line.getMdc("requestId")).isEqualTo(requestId);
        assertThat(line.getMdcCopy().values()).noneMatch(value -> value.contains(carol.token()));
    }

    @Test
    void aRequestAnsweredBeforeAnyRouteIsLoggedWithoutTemplateOrUser() {
        ExtLogRecord line;
        try (CapturedLog log = CapturedLog.of(AccessLog.CATEGORY)) {
            String requestId = given().header("Authorization", "Bearer abcdefghij-0123456789012345678901")
                    .get("/api/v2/no-such-route?access_token=abcdefghij-0123456789012345678901")
                    .then()
                    .statusCode(404)
                    .extract()
                    .header(RequestIds.HEADER);
            line = awaitLine(log, requestId);
        }

        assertThat(line.getFormattedMessage())
                .startsWith("GET - 404 ")
                .contains("user=- ")
                .contains("path=/api/v2/no-such-route?access_token=REDACTED")
                .doesNotContain("0123456789012345678901");
    }

    @Test
    void credentialParametersAreRedactedWhateverTheirSpelling() {
        assertThat(AccessLog.redacted("/api/v2/users/oidc/callback", "code=abc&state=xyz&redirect=%2Fhome"))
                .isEqualTo("/api/v2/users/oidc/callback?code=REDACTED&state=REDACTED&redirect=%2Fhome");
        assertThat(AccessLog.redacted("/x", "Coder_Session_Token=t&%61ccess_token=u&oidc_merge_state=s&q=alice"))
                .isEqualTo("/x?Coder_Session_Token=REDACTED&%61ccess_token=REDACTED&oidc_merge_state=REDACTED&q=alice");
        assertThat(AccessLog.redacted("/x", "device_code=d&password=p&bare&limit=5"))
                .isEqualTo("/x?device_code=REDACTED&password=REDACTED&bare&limit=5");
        assertThat(AccessLog.redacted("/x", "%zz=1")).isEqualTo("/x?%zz=REDACTED");
        assertThat(AccessLog.redacted("/x", null)).isEqualTo("/x");
    }

    /** The line is written when the answer has gone out, on another thread: wait for it. */
    private static ExtLogRecord awaitLine(CapturedLog log, String requestId) {
        List<ExtLogRecord> lines = Poll.until(
                "the access log line of request " + requestId,
                Duration.ofSeconds(10),
                () -> log.records().stream()
                        .filter(r -> requestId.equals(r.getMdc("requestId")))
                        .toList(),
                found -> !found.isEmpty());
        assertThat(lines).hasSize(1);
        return lines.get(0);
    }
}
