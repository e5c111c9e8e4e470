package dev.coderusers.modelprice;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coderusers.testsupport.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The worked example of the README's "Pricing usage" section, run as written: the JSON blocks after the
 * {@code <!-- worked-example ... -->} markers are sent at the times the markers name, and the answer must be the
 * README's answer, value for value. Edit the README and this test checks the edit.
 */
@QuarkusTest
class ReadmeWorkedExampleTest {

    private static final Pattern BLOCK =
            Pattern.compile("<!-- worked-example (\\S+) (\\S+) (\\S+) -->\\s*```json\\n(.*?)```", Pattern.DOTALL);

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TestUsers testUsers;

    @Inject
    PriceBookState state;

    MovableClock clock;

    /** One marked block: what to do ({@code put}, {@code post} or {@code answer}), where, when, and the JSON. */
    record Block(String action, String path, Instant at, String json) {}

    @AfterEach
    void resetThePriceBook() throws Exception {
        clock.real();
        state.reset();
    }

    @Test
    void theWorkedExampleAnswersWhatTheReadmeSays() throws Exception {
        clock = MovableClock.install();
        testUsers.deleteAll();
        String owner = testUsers.create("owner", "owner").token();
        List<Block> blocks = blocks(Files.readString(Path.of("README.md")));
        assertThat(blocks).extracting(Block::action).containsExactly("put", "put", "post", "answer");

        JsonNode answer = null;
        for (Block block : blocks) {
            clock.set(block.at());
            switch (block.action()) {
                case "put" ->
                    given().header("Coder-Session-Token", owner)
                            .contentType(ContentType.JSON)
                            .body(block.json())
                            .put(block.path())
                            .then()
                            .statusCode(200);
                case "post" ->
                    answer = JSON.readTree(given().header("Coder-Session-Token", owner)
                            .contentType(ContentType.JSON)
                            .body(block.json())
                            .post(block.path())
                            .then()
                            .statusCode(200)
                            .extract()
                            .asByteArray());
                default -> assertThat(answer).isEqualTo(JSON.readTree(block.json()));
            }
        }
    }

    private static List<Block> blocks(String readme) {
        List<Block> blocks = new ArrayList<>();
        Matcher matcher = BLOCK.matcher(readme);
        while (matcher.find()) {
            blocks.add(
                    new Block(matcher.group(1), matcher.group(2), Instant.parse(matcher.group(3)), matcher.group(4)));
        }
        return blocks;
    }
}
