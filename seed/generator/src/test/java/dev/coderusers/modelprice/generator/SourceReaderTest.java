package dev.coderusers.modelprice.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The source reader against a real HTTP server on loopback, and against files. */
class SourceReaderTest {

    private static final byte[] CATALOGUE = "{\"openai\": {\"models\": {}}}".getBytes(StandardCharsets.UTF_8);
    private static final int CAP = 1024;

    // Generous, so that a slow shared machine never turns a size or status test into a timeout.
    private final SourceReader reader = new SourceReader(Duration.ofSeconds(20), CAP);
    // Short, for the handlers that stall until the test ends: they time out whatever the machine's speed.
    private final SourceReader impatientReader = new SourceReader(Duration.ofMillis(300), CAP);
    /** Released when the test ends, so a handler that stalls on purpose lets the server stop. */
    private final CountDownLatch release = new CountDownLatch(1);

    private HttpServer server;
    private ExecutorService handlers;

    @TempDir
    Path directory;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        handlers = Executors.newCachedThreadPool();
        server.setExecutor(handlers);
        server.createContext("/api.json", exchange -> {
            exchange.sendResponseHeaders(200, CATALOGUE.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(CATALOGUE);
            }
        });
        server.createContext("/missing", exchange -> {
            byte[] page = "not here".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(404, page.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(page);
            }
        });
        server.createContext("/declared-too-large", exchange -> {
            exchange.sendResponseHeaders(200, CAP + 1);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(new byte[CAP + 1]);
            }
        });
        server.createContext("/chunked-too-large", exchange -> {
            // Length 0 means chunked: no Content-Length, so only counting the bytes can catch it.
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream body = exchange.getResponseBody()) {
                for (int i = 0; i < 8; i++) {
                    body.write(new byte[CAP / 2]);
                    body.flush();
                }
            } catch (IOException expected) {
                // The reader hangs up once the cap is passed.
            }
        });
        server.createContext("/stalls-before-headers", exchange -> {
            awaitRelease();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.createContext("/stalls-in-body", exchange -> {
            exchange.sendResponseHeaders(200, CATALOGUE.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(CATALOGUE, 0, 4);
                body.flush();
                awaitRelease();
            } catch (IOException expected) {
                // The reader gave up and closed the connection.
            }
        });
        server.start();
    }

    private void awaitRelease() {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @AfterEach
    void stopServer() {
        release.countDown();
        server.stop(0);
        handlers.shutdownNow();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Test
    void readsTheWholeBodyOfA200Answer() throws Exception {
        assertThat(reader.read(url("/api.json"))).isEqualTo(CATALOGUE);
    }

    @Test
    void aNon200AnswerIsOneClearError() {
        assertThatThrownBy(() -> reader.read(url("/missing")))
                .isInstanceOf(GeneratorException.class)
                .hasMessage("GET " + url("/missing") + " answered HTTP 404; expected 200 with the catalogue");
    }

    @Test
    void aBodyDeclaredLargerThanTheCapIsRefused() {
        assertThatThrownBy(() -> reader.read(url("/declared-too-large")))
                .hasMessage("GET " + url("/declared-too-large")
                        + " returned more than the size cap of 1 KiB; refusing to read further");
    }

    @Test
    void aChunkedBodyGrowingPastTheCapIsRefused() {
        assertThatThrownBy(() -> reader.read(url("/chunked-too-large")))
                .hasMessage("GET " + url("/chunked-too-large")
                        + " returned more than the size cap of 1 KiB; refusing to read further");
    }

    @Test
    void aServerThatNeverAnswersTimesOut() {
        assertThatThrownBy(() -> impatientReader.read(url("/stalls-before-headers")))
                .isInstanceOf(GeneratorException.class)
                .hasMessageStartingWith("GET " + url("/stalls-before-headers"))
                .hasMessageEndingWith(" within 300 ms (timed out)");
    }

    @Test
    void aBodyThatStopsHalfWayTimesOutInsteadOfReturningPartOfIt() {
        assertThatThrownBy(() -> impatientReader.read(url("/stalls-in-body")))
                .isInstanceOf(GeneratorException.class)
                .hasMessageStartingWith("GET " + url("/stalls-in-body"))
                .hasMessageEndingWith(" within 300 ms (timed out)");
    }

    @Test
    void aClosedPortReadsAsOffline() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        assertThatThrownBy(() -> reader.read("http://127.0.0.1:" + closedPort + "/api.json"))
                .isInstanceOf(GeneratorException.class)
                .hasMessage(
                        "cannot connect to 127.0.0.1:" + closedPort + ": connection refused or no route"
                                + " (offline, or the host is not reachable from here? use --source <file> with a saved api.json)");
    }

    @Test
    void readsAFile() throws Exception {
        Path file = Files.write(directory.resolve("api.json"), CATALOGUE);

        assertThat(reader.read(file.toString())).isEqualTo(CATALOGUE);
    }

    @Test
    void aMissingFileAFolderAndAnOversizedFileAreClearErrors() throws IOException {
        Path large = Files.write(directory.resolve("large.json"), new byte[CAP + 1]);

        assertThatThrownBy(() -> reader.read(directory.resolve("absent.json").toString()))
                .hasMessage("source file " + directory.resolve("absent.json") + " does not exist");
        assertThatThrownBy(() -> reader.read(directory.toString()))
                .hasMessage("source " + directory + " is a directory, not a models.dev api.json file");
        assertThatThrownBy(() -> reader.read(large.toString()))
                .hasMessage("source " + large + " is 1025 bytes, over the size cap of 1 KiB");
    }
}
