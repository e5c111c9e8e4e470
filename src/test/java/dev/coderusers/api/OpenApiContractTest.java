package dev.coderusers.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The reviewed OpenAPI contract {@code src/main/openapi/coder-users.json} is exactly the document the code
 * publishes at {@code /q/openapi}. The build generates the clients from that file (before the tests run, when
 * the service's own document does not exist yet), so this test is what ties the clients to the code.
 *
 * <p>After an intended API change, rewrite the contract and review its diff:
 * {@code ./mvnw test -Dtest=OpenApiContractTest -Dopenapi.contract.update=true}.
 */
@QuarkusTest
class OpenApiContractTest {

    static final Path CONTRACT = Path.of("src/main/openapi/coder-users.json");
    private static final boolean UPDATE = Boolean.getBoolean("openapi.contract.update");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theCommittedContractIsWhatTheServicePublishes() throws IOException {
        JsonNode published = JSON.readTree(given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray());
        if (UPDATE) {
            Files.createDirectories(CONTRACT.getParent());
            Files.writeString(CONTRACT, render(published), StandardCharsets.UTF_8);
        }

        assertThat(CONTRACT)
                .as("the OpenAPI contract; create it with -Dopenapi.contract.update=true")
                .exists();
        JsonNode committed = JSON.readTree(CONTRACT.toFile());
        assertThat(published)
                .as(
                        "%s differs from the document the code publishes at /q/openapi. If the API change is"
                                + " intended, run ./mvnw test -Dtest=OpenApiContractTest"
                                + " -Dopenapi.contract.update=true, review the diff and commit it",
                        CONTRACT)
                .isEqualTo(committed);
        // Byte for byte too, so that the file in review is always the canonical rendering.
        assertThat(Files.readString(CONTRACT, StandardCharsets.UTF_8))
                .as("%s is not in its canonical form; rewrite it with -Dopenapi.contract.update=true", CONTRACT)
                .isEqualTo(render(committed));
    }

    /** Two-space indentation, LF line ends, a final newline: stable, readable diffs. */
    static String render(JsonNode document) throws IOException {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(
                        Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        return JSON.writer(printer).writeValueAsString(document) + "\n";
    }
}
