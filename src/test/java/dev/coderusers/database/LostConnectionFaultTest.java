package dev.coderusers.database;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coderusers.testsupport.PostgresTestResource;
import dev.coderusers.testsupport.TestUsers;
import dev.coderusers.testsupport.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Fault injection against the real PostgreSQL: while a bounded mixed load runs, another connection terminates
 * every backend of the service's pool in a loop ({@code pg_terminate_backend}, what a failover or a restarted
 * server does to the pool). No GET may answer 5xx, every 201 must be a stored user, and every create that
 * failed must have left nothing behind.
 */
@QuarkusTest
class LostConnectionFaultTest {

    /** Bounds of the load: whichever comes first. */
    private static final int REQUESTS = 1_000;

    private static final Duration LIMIT = Duration.ofSeconds(45);
    private static final Duration KILL_EVERY = Duration.ofMillis(750);
    private static final int CLIENTS = 4;

    @Inject
    TestUsers testUsers;

    @Test
    void terminatedBackendsCostNoGetA5xxAndNoCreateIsLostOrHalfWritten() throws Exception {
        testUsers.deleteAll();
        TestUser owner = testUsers.create("owner", "owner");
        TestUser member = testUsers.create("member");

        AtomicInteger sent = new AtomicInteger();
        AtomicInteger getServerErrors = new AtomicInteger();
        AtomicInteger otherServerErrors = new AtomicInteger();
        ConcurrentLinkedQueue<String> samples = new ConcurrentLinkedQueue<>();
        Map<String, UUID> created = new ConcurrentHashMap<>();
        Set<String> failedCreates = ConcurrentHashMap.newKeySet();
        AtomicBoolean loadRunning = new AtomicBoolean(true);
        AtomicInteger killed = new AtomicInteger();
        long deadline = System.nanoTime() + LIMIT.toNanos();

        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 1);
        Future<?> killer = pool.submit(() -> {
            try (Connection admin = adminConnection()) {
                while (loadRunning.get()) {
                    killed.addAndGet(terminateServiceBackends(admin));
                    Thread.sleep(KILL_EVERY.toMillis());
                }
            }
            return null;
        });
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            clients.add(pool.submit(() -> {
                for (int i = 0; ; i++) {
                    int n = sent.getAndIncrement();
                    if (n >= REQUESTS || System.nanoTime() > deadline) {
                        return;
                    }
                    if (n % 5 == 4) {
                        String username = "load-" + client + "-" + i;
                        Response response = given().header("Coder-Session-Token", owner.token())
                                .contentType(ContentType.JSON)
                                .body(Map.of(
                                        "email",
                                        username + "@example.com",
                                        "username",
                                        username,
                                        "login_type",
                                        "none",
                                        "organization_ids",
                                        List.of("00000000-0000-0000-0000-000000000000")))
                                .post("/api/v2/users");
                        if (response.statusCode() == 201) {
                            created.put(username, UUID.fromString(response.path("id")));
                        } else {
                            failedCreates.add(username);
                            if (response.statusCode() >= 500) {
                                otherServerErrors.incrementAndGet();
                            }
                        }
                        continue;
                    }
                    String path = switch (n % 5) {
                        case 0 -> "/api/v2/users/me";
                        case 1 -> "/api/v2/users?limit=5";
                        case 2 -> "/api/v2/users/" + member.id();
                        default -> "/api/v2/ai-model-prices?provider=openai";
                    };
                    Response response =
                            given().header("Coder-Session-Token", owner.token()).get(path);
                    if (response.statusCode() >= 500) {
                        getServerErrors.incrementAndGet();
                        if (samples.size() < 5) {
                            samples.add("GET " + path + " -> " + response.statusCode() + " " + response.asString());
                        }
                    }
                }
            }));
        }
        for (Future<?> client : clients) {
            client.get(LIMIT.toSeconds() + 30, TimeUnit.SECONDS);
        }
        loadRunning.set(false);
        killer.get(30, TimeUnit.SECONDS);
        pool.shutdownNow();

        int requests = Math.min(sent.get(), REQUESTS);
        System.out.printf(
                "LostConnectionFaultTest: requests sent=%d, backends terminated=%d, 5xx on GET=%d, 5xx on POST=%d,"
                        + " created=%d, failed creates=%d%n",
                requests,
                killed.get(),
                getServerErrors.get(),
                otherServerErrors.get(),
                created.size(),
                failedCreates.size());

        assertThat(killed.get()).as("backends terminated during the load").isGreaterThan(10);
        assertThat(getServerErrors.get()).as("5xx answers to GETs: %s", samples).isZero();
        try (Connection admin = adminConnection()) {
            for (Map.Entry<String, UUID> user : created.entrySet()) {
                assertThat(usersNamed(admin, user.getKey()))
                        .as("201 for %s", user.getKey())
                        .containsExactly(user.getValue());
            }
            for (String username : failedCreates) {
                assertThat(usersNamed(admin, username))
                        .as("failed create of %s", username)
                        .isEmpty();
            }
        }
    }

    /** A connection of its own, outside the service's pool, to the suite's PostgreSQL. */
    private static Connection adminConnection() throws SQLException {
        String url = System.getProperty(PostgresTestResource.URL_IN_USE);
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(
                url,
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class)
                        .orElse(""));
    }

    /** Terminates every other client backend of this database: the service's pool, idle or busy. */
    private static int terminateServiceBackends(Connection admin) throws SQLException {
        try (PreparedStatement kill = admin.prepareStatement(
                        "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity"
                                + " WHERE datname = current_database() AND pid <> pg_backend_pid()"
                                + " AND backend_type = 'client backend'");
                ResultSet result = kill.executeQuery()) {
            result.next();
            return result.getInt(1);
        }
    }

    private static List<UUID> usersNamed(Connection admin, String username) throws SQLException {
        try (PreparedStatement query = admin.prepareStatement("SELECT id FROM users WHERE username = ?")) {
            query.setString(1, username);
            try (ResultSet result = query.executeQuery()) {
                List<UUID> ids = new ArrayList<>();
                while (result.next()) {
                    ids.add(result.getObject(1, UUID.class));
                }
                return ids;
            }
        }
    }
}
