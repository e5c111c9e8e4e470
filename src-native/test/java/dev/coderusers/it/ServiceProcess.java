package dev.coderusers.it;

import static io.restassured.RestAssured.given;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * The packaged service - the artifact the build just made, the native binary with {@code -Dnative}, else the
 * runner jar - started as a process of its own by the test, for what {@code @QuarkusIntegrationTest} cannot
 * do: start it twice on one database, start it with a configuration of the test's choosing, stop it with
 * {@code SIGTERM} and read what it printed.
 */
final class ServiceProcess implements AutoCloseable {

    private static final Path TARGET = Path.of("target");
    private static final Path LOGS = TARGET.resolve("it-processes");
    private static final AtomicInteger STARTS = new AtomicInteger();
    private static final Duration READY_LIMIT = Duration.ofSeconds(90);

    private final Process process;
    private final Path log;
    private final int port;

    private ServiceProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /**
     * Starts the artifact in its production profile with these settings (as {@code -D} options, which the jar
     * and the native binary both read); its output goes to a file under {@code target/it-processes}.
     */
    static ServiceProcess start(String name, Map<String, String> config) {
        int port = freePort();
        Map<String, String> settings = new TreeMap<>(config);
        settings.put("quarkus.http.port", Integer.toString(port));
        settings.put("quarkus.http.host", "127.0.0.1");
        settings.put("quarkus.console.color", "false");
        // Every poll of a DOWN readiness would be logged at INFO.
        settings.putIfAbsent("quarkus.log.category.\"io.smallrye.health\".level", "WARN");

        Artifact artifact = Artifact.built();
        List<String> command = new ArrayList<>();
        if (artifact.nativeBinary()) {
            command.add(artifact.path().toString());
            settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        } else {
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
            command.add("-jar");
            command.add(artifact.path().toString());
        }
        try {
            Files.createDirectories(LOGS);
            Path log = LOGS.resolve(name + "-" + STARTS.incrementAndGet() + ".log");
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            return new ServiceProcess(process, log, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A request to this process. */
    RequestSpecification request() {
        return given().baseUri("http://127.0.0.1").port(port);
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    /** Waits until readiness answers what {@code condition} wants; returns that answer. */
    ExtractableResponse<Response> awaitReadiness(Predicate<ExtractableResponse<Response>> condition, String what) {
        long deadline = System.nanoTime() + READY_LIMIT.toNanos();
        String last = "no answer";
        while (System.nanoTime() - deadline < 0) {
            if (!process.isAlive()) {
                throw new AssertionError("The service exited with " + process.exitValue() + " before it was " + what
                        + ". Its output:\n" + output());
            }
            try {
                ExtractableResponse<Response> answer =
                        request().get("/q/health/ready").then().extract();
                if (condition.test(answer)) {
                    return answer;
                }
                last = answer.statusCode() + ": " + answer.asString();
            } catch (Exception e) { // RestAssured rethrows the ConnectException of a port not open yet
                last = e.toString();
            }
            sleep(Duration.ofMillis(50));
        }
        throw new AssertionError("The service was not " + what + " within " + READY_LIMIT + "; last answer " + last
                + ". Its output:\n" + output());
    }

    ExtractableResponse<Response> awaitReady() {
        return awaitReadiness(answer -> answer.statusCode() == 200, "ready");
    }

    /** Sends {@code SIGTERM} and waits for the process to end; returns its exit status. */
    int terminate(Duration limit) {
        process.destroy(); // SIGTERM on Linux and macOS
        try {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(
                        "The service did not stop within " + limit + " of SIGTERM. Its output:\n" + output());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting for the service to stop", e);
        }
        return process.exitValue();
    }

    /** Everything the process printed so far. */
    String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted", e);
        }
    }

    /** What the build made, as Quarkus records it in {@code target/quarkus-artifact.properties}. */
    record Artifact(Path path, boolean nativeBinary) {

        static Artifact built() {
            Properties properties = new Properties();
            try (InputStream in = Files.newInputStream(TARGET.resolve("quarkus-artifact.properties"))) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("No packaged artifact: run the integration tests with `mvn verify`", e);
            }
            String type = properties.getProperty("type");
            Path path = TARGET.resolve(properties.getProperty("path")).toAbsolutePath();
            return switch (type) {
                case "native" -> new Artifact(path, true);
                case "jar", "fast-jar", "uber-jar", "legacy-jar" -> new Artifact(path, false);
                default -> throw new IllegalStateException("Unknown artifact type " + type + " in " + path);
            };
        }
    }
}
