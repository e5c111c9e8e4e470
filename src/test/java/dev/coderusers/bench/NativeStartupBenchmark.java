package dev.coderusers.bench;

import static dev.coderusers.bench.Benchmarks.setting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Start time and memory of the packaged service, the runner jar and the native binary side by side in one run
 * (see {@code bench/README.md}): exec to the first {@code 200} of {@code /q/health/ready} on a fresh database
 * (migrations and the whole price book to apply) and on a migrated one (checksum skip), the resident set once
 * ready and after a fixed short load, and the size of each artifact.
 *
 * <p>Not a test: it lives under {@code src/test} so that it never ships, and is run by {@code bench/native-startup}.
 * Linux only (RSS is read from {@code /proc}).
 */
public final class NativeStartupBenchmark {

    private static final String PASSWORD = "SomeSecurePassword!";
    private static final Duration READY_LIMIT = Duration.ofSeconds(120);
    private static final Pattern DATABASE_IN_URL = Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]*)(.*)");

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final Map<String, String> server;
    private final int runs;
    private final int loadRequests;
    private final Path logs = Path.of("target", "bench-native-startup");

    private NativeStartupBenchmark(Map<String, String> server, int runs, int loadRequests) {
        this.server = server;
        this.runs = runs;
        this.loadRequests = loadRequests;
    }

    /** Arguments: the runner jar, the native binary (either may be "-" to leave it out). */
    public static void main(String[] args) throws Exception {
        int runs = Integer.parseInt(setting("BENCH_RUNS", "5"));
        int load = Integer.parseInt(setting("BENCH_LOAD_REQUESTS", "5000"));
        if (runs < 1 || load < 1) {
            throw new IllegalArgumentException("BENCH_RUNS and BENCH_LOAD_REQUESTS must be positive");
        }
        try {
            run(args, runs, load);
        } catch (Exception e) {
            // The load's client threads would keep the JVM alive after a failure: end it with the failure.
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run(String[] args, int runs, int load) throws Exception {
        NativeStartupBenchmark bench = new NativeStartupBenchmark(Benchmarks.database(""), runs, load);
        Files.createDirectories(bench.logs);

        List<Result> results = new ArrayList<>();
        if (!"-".equals(args[0])) {
            results.add(bench.measure(
                    "JVM (runner jar)",
                    jvmCommand(Path.of(args[0])),
                    directorySize(Path.of(args[0]).getParent())));
        }
        if (args.length > 1 && !"-".equals(args[1])) {
            Path binary = Path.of(args[1]).toAbsolutePath();
            results.add(bench.measure("native", List.of(binary.toString()), Files.size(binary)));
        }
        print(results, runs, load);
    }

    record Result(
            String artifact,
            long bytes,
            List<Long> freshMillis,
            List<Long> migratedMillis,
            List<Long> migratedCpuMillis,
            List<Long> readyRssKb,
            List<Long> loadedRssKb,
            double loadSeconds) {}

    private Result measure(String artifact, List<String> command, long bytes) throws Exception {
        System.err.printf(
                "%s: %d fresh starts, %d migrated starts with %d requests of load each%n",
                artifact, runs, runs, loadRequests);
        List<Long> fresh = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Started started = start(command, freshDatabase(), artifact + "-fresh-" + i);
            try {
                fresh.add(started.readyMillis());
            } finally {
                started.stop();
            }
        }

        Map<String, String> migrated = freshDatabase();
        start(command, migrated, artifact + "-warm-up").stop(); // migrates and seeds
        List<Long> migratedMillis = new ArrayList<>();
        List<Long> migratedCpu = new ArrayList<>();
        List<Long> readyRss = new ArrayList<>();
        List<Long> loadedRss = new ArrayList<>();
        double loadSeconds = 0;
        for (int i = 0; i < runs; i++) {
            Started started = start(command, migrated, artifact + "-migrated-" + i);
            // A failed request must not leave the service running behind the benchmark.
            try {
                migratedMillis.add(started.readyMillis());
                migratedCpu.add(cpuMillis(started.process()));
                readyRss.add(rssKb(started.process()));
                loadSeconds += load(started.port(), i == 0);
                loadedRss.add(rssKb(started.process()));
            } finally {
                started.stop();
            }
        }
        return new Result(artifact, bytes, fresh, migratedMillis, migratedCpu, readyRss, loadedRss, loadSeconds / runs);
    }

    record Started(Process process, int port, long readyMillis) {
        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private Started start(List<String> base, Map<String, String> database, String name) throws Exception {
        int port = freePort();
        Map<String, String> settings = new TreeMap<>(database);
        settings.put("quarkus.http.port", Integer.toString(port));
        settings.put("quarkus.http.host", "127.0.0.1");
        settings.put("quarkus.log.category.\"io.smallrye.health\".level", "WARN");
        // The load signs in every 100th request, and the login limit (60 a minute per client, counted in the
        // database across starts) would turn those into 429s by the second start.
        settings.put("coder-users.auth.login-rate-limit-per-minute", "1000000000");
        // The executable, the settings as -D options, then the rest: java -D... -jar quarkus-run.jar, or binary -D...
        List<String> command = new ArrayList<>();
        command.add(base.get(0));
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(base.subList(1, base.size()));
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2))
                .build();
        long begin = System.nanoTime();
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(logs.resolve(name.replaceAll("[^A-Za-z0-9-]", "_") + ".log")
                        .toFile())
                .start();
        while (true) {
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return new Started(process, port, (System.nanoTime() - begin) / 1_000_000);
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + logs);
            }
            if (System.nanoTime() - begin > READY_LIMIT.toNanos()) {
                process.destroyForcibly();
                throw new IllegalStateException(name + " was not ready within " + READY_LIMIT + "; see " + logs);
            }
            Thread.sleep(2);
        }
    }

    /**
     * The fixed short load: the first user (on the first run) and a sign-in, then {@code loadRequests} requests
     * from 8 clients: mostly {@code GET /users/me}, every tenth a user search, every hundredth a sign-in.
     * Returns its wall-clock seconds.
     */
    private double load(int port, boolean createFirstUser) throws Exception {
        String base = "http://127.0.0.1:" + port + "/api/v2";
        if (createFirstUser) {
            send(
                    post(
                            base + "/users/first",
                            "{\"email\":\"admin@example.com\",\"username\":\"admin\",\"password\":\"" + PASSWORD
                                    + "\"}"),
                    201);
        }
        HttpRequest login =
                post(base + "/users/login", "{\"email\":\"admin@example.com\",\"password\":\"" + PASSWORD + "\"}");
        String body = send(login, 201);
        String token = body.replaceAll(".*\"session_token\":\"([^\"]+)\".*", "$1");
        HttpRequest me = HttpRequest.newBuilder(URI.create(base + "/users/me"))
                .header("Coder-Session-Token", token)
                .build();
        HttpRequest search = HttpRequest.newBuilder(URI.create(base + "/users?q=adm&limit=25"))
                .header("Coder-Session-Token", token)
                .build();
        AtomicInteger next = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        long begin = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            done.add(clients.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < loadRequests) {
                    HttpRequest request = i % 100 == 0 ? login : i % 10 == 0 ? search : me;
                    send(request, request == login ? 201 : 200);
                }
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        clients.shutdown();
        return (System.nanoTime() - begin) / 1e9;
    }

    private static HttpRequest post(String url, String json) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
    }

    private String send(HttpRequest request, int expected) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(
                        request.uri() + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> freshDatabase() throws SQLException {
        String name = "bench_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = DriverManager.getConnection(
                        server.get("quarkus.datasource.jdbc.url"),
                        server.get("quarkus.datasource.username"),
                        server.get("quarkus.datasource.password"));
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        Matcher matcher = DATABASE_IN_URL.matcher(server.get("quarkus.datasource.jdbc.url"));
        if (!matcher.matches()) {
            throw new IllegalStateException(
                    "Cannot name another database in " + server.get("quarkus.datasource.jdbc.url"));
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", matcher.group(1) + name + matcher.group(3),
                "quarkus.datasource.username", server.get("quarkus.datasource.username"),
                "quarkus.datasource.password", server.get("quarkus.datasource.password"));
    }

    private static List<String> jvmCommand(Path jar) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // The -D settings go between the two (see start): java -D... -jar quarkus-run.jar
        return List.of(java, "-jar", jar.toAbsolutePath().toString());
    }

    private static long rssKb(Process process) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IllegalStateException("No VmRSS for process " + process.pid());
    }

    /**
     * CPU time the process has used (user + system, all threads), from {@code /proc/<pid>/stat} in clock ticks of
     * 10 ms (Linux's USER_HZ). Unlike the wall clock, it hardly moves when other work shares the machine.
     */
    private static long cpuMillis(Process process) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
        // Fields after the command name (which may hold spaces) start at index 3 (state); utime, stime are 14, 15.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
    }

    private static long directorySize(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(f -> {
                        try {
                            return Files.size(f);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .sum();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static long median(List<Long> values) {
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    private static String range(List<Long> values) {
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted[0] + "–" + sorted[sorted.length - 1];
    }

    private static void print(List<Result> results, int runs, int load) {
        System.out.printf(
                Locale.ROOT,
                "%nMedian of %d starts each (range in brackets); RSS in MB; load = %d requests from 8 clients%n%n",
                runs,
                load);
        System.out.println(
                "| artifact | size (MB) | fresh database: exec → ready (ms) | migrated database: exec → ready (ms)"
                        + " | CPU until ready, migrated (ms) | RSS once ready | RSS after load | load (s) |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
        for (Result r : results) {
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %.1f | %d (%s) | %d (%s) | %d (%s) | %.0f (%s) | %.0f (%s) | %.1f |%n",
                    r.artifact(),
                    r.bytes() / 1e6,
                    median(r.freshMillis()),
                    range(r.freshMillis()),
                    median(r.migratedMillis()),
                    range(r.migratedMillis()),
                    median(r.migratedCpuMillis()),
                    range(r.migratedCpuMillis()),
                    median(r.readyRssKb()) / 1024.0,
                    mb(r.readyRssKb()),
                    median(r.loadedRssKb()) / 1024.0,
                    mb(r.loadedRssKb()),
                    r.loadSeconds());
        }
        if (results.size() == 2) {
            Result jvm = results.get(0);
            Result nat = results.get(1);
            System.out.printf(
                    Locale.ROOT,
                    "%nnative vs JVM: ready %.1fx faster on a migrated database, %.1fx on a fresh one; %.1fx less CPU until"
                            + " ready; RSS %.1fx smaller once ready, %.1fx after load%n",
                    (double) median(jvm.migratedMillis()) / median(nat.migratedMillis()),
                    (double) median(jvm.freshMillis()) / median(nat.freshMillis()),
                    (double) median(jvm.migratedCpuMillis()) / median(nat.migratedCpuMillis()),
                    (double) median(jvm.readyRssKb()) / median(nat.readyRssKb()),
                    (double) median(jvm.loadedRssKb()) / median(nat.loadedRssKb()));
        }
    }

    private static String mb(List<Long> kb) {
        long[] sorted = kb.stream().mapToLong(Long::longValue).sorted().toArray();
        return Math.round(sorted[0] / 1024.0) + "–" + Math.round(sorted[sorted.length - 1] / 1024.0);
    }
}
