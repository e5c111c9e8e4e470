package dev.coderusers.operations;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coderusers.testsupport.Poll;
import dev.coderusers.testsupport.TestUsers;
import dev.coderusers.testsupport.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * With tracing on ({@link OperationsProfile}: {@code quarkus.otel.sdk.disabled=false} and an OTLP endpoint), a
 * request reaches the collector as a server span named by its route, with the spans of its JDBC statements below
 * it in the same trace.
 */
@QuarkusTest
@TestProfile(OperationsProfile.class)
class TracingTest {

    @Inject
    TestUsers testUsers;

    @Test
    void aRequestIsAServerSpanWithItsStatementsBelowIt() {
        TestUser dave = testUsers.create("tracing-dave");
        given().header("Coder-Session-Token", dave.token())
                .get("/api/v2/users/" + dave.username())
                .then()
                .statusCode(200);

        OtlpReceiver.Span server = Poll.until(
                        "the server span of GET /api/v2/users/{user}",
                        Duration.ofSeconds(30),
                        () -> OtlpReceiver.spans().stream()
                                .filter(span -> span.name().equals("GET /api/v2/users/{user}"))
                                .toList(),
                        found -> !found.isEmpty())
                .get(0);
        assertThat(server.attributes()).containsEntry("http.route", "/api/v2/users/{user}");
        assertThat(server.attributes().values()).noneMatch(value -> value.contains(dave.token()));

        List<OtlpReceiver.Span> statements = Poll.until(
                "the JDBC spans of that request",
                Duration.ofSeconds(30),
                () -> OtlpReceiver.spans().stream()
                        .filter(span -> span.traceId().equals(server.traceId()))
                        .filter(span -> "postgresql".equals(span.attributes().get("db.system")))
                        .toList(),
                found -> !found.isEmpty());
        Map<String, OtlpReceiver.Span> byId = OtlpReceiver.spans().stream()
                .collect(Collectors.toMap(OtlpReceiver.Span::spanId, Function.identity(), (a, b) -> a));
        assertThat(statements)
                .allSatisfy(statement -> assertThat(descendsFrom(statement, server, byId))
                        .as("%s is below the server span", statement.name())
                        .isTrue());
    }

    private static boolean descendsFrom(
            OtlpReceiver.Span span, OtlpReceiver.Span ancestor, Map<String, OtlpReceiver.Span> byId) {
        for (OtlpReceiver.Span current = span; current != null; current = byId.get(current.parentSpanId())) {
            if (current.parentSpanId().equals(ancestor.spanId())) {
                return true;
            }
        }
        return false;
    }
}
