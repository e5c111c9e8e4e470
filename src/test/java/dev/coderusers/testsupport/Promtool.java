package dev.coderusers.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Prometheus' own checker of an exposition: {@code promtool check metrics} (Debian's {@code prometheus} package,
 * which .ci/run installs). Outside CI a machine without it skips the check; in CI ({@code CI=true}) its absence
 * fails, so the check can never silently stop running there.
 */
public final class Promtool {

    private Promtool() {}

    /** Fails unless promtool accepts the exposition without a single complaint. */
    public static void assertAccepts(String exposition) {
        Path promtool = promtool();
        try {
            // Kept for a look when the check fails: target/promtool-input.prom.
            Files.writeString(Path.of("target", "promtool-input.prom"), exposition, StandardCharsets.UTF_8);
            Process process = new ProcessBuilder(promtool.toString(), "check", "metrics")
                    .redirectErrorStream(true)
                    .start();
            try (OutputStream in = process.getOutputStream()) {
                in.write(exposition.getBytes(StandardCharsets.UTF_8));
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS))
                    .as("promtool ended")
                    .isTrue();
            assertThat(process.exitValue())
                    .as("promtool check metrics said:\n%s", output)
                    .isZero();
            assertThat(output.strip()).as("promtool check metrics said").isEmpty();
        } catch (IOException e) {
            throw new AssertionError("promtool could not be run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Fails unless {@code promtool check rules} accepts this rule file (PromQL syntax, rule fields). */
    public static void assertRulesAccepted(String rules) {
        Path promtool = promtool();
        try {
            Path file = Path.of("target", "promtool-rules.yaml");
            Files.writeString(file, rules, StandardCharsets.UTF_8);
            Process process = new ProcessBuilder(promtool.toString(), "check", "rules", file.toString())
                    .redirectErrorStream(true)
                    .start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS))
                    .as("promtool ended")
                    .isTrue();
            assertThat(process.exitValue())
                    .as("promtool check rules said:\n%s", output)
                    .isZero();
        } catch (IOException e) {
            throw new AssertionError("promtool could not be run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** promtool; outside CI its absence skips the test, in CI it fails it. */
    private static Path promtool() {
        Path promtool = find().orElse(null);
        if (promtool == null) {
            String message = "promtool is not installed (apt-get install prometheus)";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(message + "; CI must run this check");
            }
            Assumptions.abort(message);
        }
        return promtool;
    }

    private static Optional<Path> find() {
        String path = System.getenv("PATH");
        return Stream.of((path == null ? "" : path).split(File.pathSeparator))
                .map(dir -> Path.of(dir, "promtool"))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
