package dev.coderusers.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coderusers.testsupport.Poll;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The packaged service with JSON logs switched on by their one setting ({@code quarkus.log.console.json.enabled})
 * and the access log on: every line it prints is a JSON object, the start's price book line among them, and the
 * access line of a request carries its method, route, status, user and request id as fields - and not its token.
 */
class JsonLogsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyLineIsJsonAndTheAccessLineCarriesTheRequestsFields() {
        Map<String, String> config = new HashMap<>(ItDatabase.fresh().config());
        config.put("quarkus.log.console.json.enabled", "true");
        config.put("coder-users.access-log.enabled", "true");
        try (ServiceProcess service = ServiceProcess.start("json-logs", config)) {
            service.awaitReady();
            service.request()
                    .header("X-Request-Id", "it-json-logs-1")
                    .queryParam("access_token", "abcdefghij-0123456789012345678901")
                    .get("/api/v2/users/me")
                    .then()
                    .statusCode(401);

            JsonNode access = Poll.until(
                            "the access line of request it-json-logs-1",
                            Duration.ofSeconds(30),
                            () -> lines(service.output()).stream()
                                    .filter(line -> "it-json-logs-1"
                                            .equals(line.path("mdc")
                                                    .path("requestId")
                                                    .asText()))
                                    .filter(line -> "dev.coderusers.access"
                                            .equals(line.path("loggerName").asText()))
                                    .toList(),
                            found -> !found.isEmpty())
                    .get(0);

            assertThat(access.path("level").asText()).isEqualTo("INFO");
            JsonNode fields = access.path("mdc");
            assertThat(fields.path("method").asText()).isEqualTo("GET");
            assertThat(fields.path("route").asText()).isEqualTo("/api/v2/users/{user}");
            assertThat(fields.path("status").asText()).isEqualTo("401");
            assertThat(fields.path("path").asText()).isEqualTo("/api/v2/users/me?access_token=REDACTED");
            assertThat(service.output()).doesNotContain("0123456789012345678901");
            assertThat(lines(service.output()))
                    .anySatisfy(
                            line -> assertThat(line.path("message").asText()).startsWith("AI model price book"));
        }
    }

    /** Every line of the output, each of which must be one JSON object. */
    private static List<JsonNode> lines(String output) {
        return output.lines()
                .filter(line -> !line.isBlank())
                .map(line -> {
                    try {
                        JsonNode node = JSON.readTree(line);
                        assertThat(node.isObject())
                                .as("a JSON object: %s", line)
                                .isTrue();
                        return node;
                    } catch (IOException e) {
                        throw new AssertionError("Not a JSON log line: " + line, new UncheckedIOException(e));
                    }
                })
                .toList();
    }
}
