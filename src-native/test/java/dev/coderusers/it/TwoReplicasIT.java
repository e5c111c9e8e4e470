package dev.coderusers.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.coderusers.testsupport.PostgresTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of the packaged service on one database: the one the test framework started (A) and a second
 * process of the same artifact started here (B). Whatever either replica keeps in memory, a change made through
 * A (sign-out, expiry, suspension, deletion) must refuse the token on B's very next request, and an activation
 * through A must let it in again. No request here waits or retries between the change and the check.
 */
@QuarkusIntegrationTest
class TwoReplicasIT {

    private static final String SIGNED_OUT =
            "You are signed out or your session has expired. Please sign in again to continue.";
    private static final String ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private static Map<String, String> database;
    private static Process replicaB;
    private static int portB;
    private static Path logB;

    private final List<UUID> inserted = new ArrayList<>();
    private UUID memberId;
    private String memberName;
    private String ownerToken;

    @BeforeAll
    static void startSecondReplica() throws Exception {
        // The same server the framework gave replica A (the suite's PostgreSQL; see PostgresTestResource).
        database = new PostgresTestResource().start();
        portB = freePort();
        logB = Files.createTempFile("replica-b", ".log");
        Properties artifact = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("target/quarkus-artifact.properties"))) {
            artifact.load(in);
        }
        Path path = Path.of("target").resolve(artifact.getProperty("path"));
        List<String> command = new ArrayList<>();
        if ("native".equals(artifact.getProperty("type"))) {
            command.add(path.toString());
        } else {
            command.addAll(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m",
                    "-jar",
                    path.toString()));
        }
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logB.toFile());
        builder.environment().put("QUARKUS_DATASOURCE_JDBC_URL", database.get("quarkus.datasource.jdbc.url"));
        builder.environment().put("QUARKUS_DATASOURCE_USERNAME", database.get("quarkus.datasource.username"));
        builder.environment().put("QUARKUS_DATASOURCE_PASSWORD", database.get("quarkus.datasource.password"));
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(portB));
        replicaB = builder.start();
        awaitReplicaB();
    }

    @AfterAll
    static void stopSecondReplica() throws InterruptedException {
        if (replicaB != null) {
            replicaB.destroy();
            if (!replicaB.waitFor(Duration.ofSeconds(20).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                replicaB.destroyForcibly();
            }
        }
    }

    @BeforeEach
    void usersAndTokens() throws SQLException {
        Readiness.awaitReady();
        String suffix = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        UUID ownerId = insertUser("owner" + suffix, "{owner}");
        memberName = "member" + suffix;
        memberId = insertUser(memberName, "{}");
        inserted.addAll(List.of(ownerId, memberId));
        ownerToken = insertKey(ownerId);
    }

    /**
     * The suite shares one database: the users made here go again (their keys, links and memberships cascade), so
     * that the scenarios that expect no user yet (UsersApiIT's first user) still find none.
     */
    @AfterEach
    void removeUsers() throws SQLException {
        try (Connection connection = connect();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM users WHERE id = ANY (?)")) {
            delete.setArray(1, connection.createArrayOf("uuid", inserted.toArray()));
            delete.executeUpdate();
        }
        inserted.clear();
    }

    @Test
    void aSignOutOnOneReplicaIsSeenByTheOther() throws SQLException {
        String token = insertKey(memberId);
        onA(token).get("/api/v2/users/me").then().statusCode(200);
        onB(token).get("/api/v2/users/me").then().statusCode(200);

        onA(token).post("/api/v2/users/logout").then().statusCode(200);
        onB(token)
                .get("/api/v2/users/me")
                .then()
                .statusCode(401)
                .body("message", equalTo(SIGNED_OUT))
                .body("detail", equalTo("API key is invalid."));
    }

    @Test
    void anExpiryOnOneReplicaIsSeenByTheOther() throws SQLException {
        String token = insertKey(memberId);
        onB(token).get("/api/v2/users/me").then().statusCode(200);

        onA(token)
                .put("/api/v2/users/me/keys/" + token.substring(0, 10) + "/expire")
                .then()
                .statusCode(204);
        onB(token).get("/api/v2/users/me").then().statusCode(401).body("detail", startsWith("API key expired at"));
    }

    @Test
    void aSuspensionOnOneReplicaIsSeenByTheOtherAndSoIsTheActivation() throws SQLException {
        String token = insertKey(memberId);
        onB(token).get("/api/v2/users/me").then().statusCode(200);

        onA(ownerToken)
                .put("/api/v2/users/" + memberId + "/status/suspend")
                .then()
                .statusCode(200);
        onB(token)
                .get("/api/v2/users/me")
                .then()
                .statusCode(401)
                .body(
                        "message",
                        equalTo("User is not active (status = \"suspended\"). Contact an admin to reactivate your"
                                + " account."));

        onA(ownerToken)
                .put("/api/v2/users/" + memberId + "/status/activate")
                .then()
                .statusCode(200);
        onB(token).get("/api/v2/users/me").then().statusCode(200).body("status", equalTo("active"));
    }

    @Test
    void aDeletionOnOneReplicaIsSeenByTheOther() throws SQLException {
        String token = insertKey(memberId);
        onB(token).get("/api/v2/users/me").then().statusCode(200);

        onA(ownerToken).delete("/api/v2/users/" + memberId).then().statusCode(200);
        onB(token).get("/api/v2/users/me").then().statusCode(401).body("detail", equalTo("API key is invalid."));
        // The owner's own view on B no longer finds the user by name either.
        onB(ownerToken)
                .get("/api/v2/users/" + memberId)
                .then()
                .statusCode(200)
                .body("id", equalTo(memberId.toString()));
    }

    @Test
    void rolesGivenOnOneReplicaApplyOnTheOther() throws SQLException {
        String token = insertKey(memberId);
        onB(token).get("/api/v2/users?limit=5").then().statusCode(200).body("count", equalTo(1));

        onA(ownerToken)
                .contentType("application/json")
                .body("{\"roles\":[\"auditor\"]}")
                .put("/api/v2/users/" + memberId + "/roles")
                .then()
                .statusCode(200);
        // An auditor reads every user: the next request on B already sees the owner and the member.
        int count = onB(token)
                .get("/api/v2/users?limit=5")
                .then()
                .statusCode(200)
                .extract()
                .path("count");
        assertThat(count).isGreaterThanOrEqualTo(2);
    }

    private static RequestSpecification onA(String token) {
        return given().header("Coder-Session-Token", token);
    }

    private static RequestSpecification onB(String token) {
        return given().baseUri("http://localhost").port(portB).header("Coder-Session-Token", token);
    }

    private static void awaitReplicaB() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            if (!replicaB.isAlive()) {
                throw new AssertionError("Replica B exited: " + Files.readString(logB));
            }
            try {
                if (given().baseUri("http://localhost")
                                .port(portB)
                                .get("/q/health/ready")
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (Exception notYet) {
                // Not listening yet.
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("Replica B was not ready within 90 s: " + Files.readString(logB));
            }
            Thread.sleep(100);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(
                database.get("quarkus.datasource.jdbc.url"),
                database.get("quarkus.datasource.username"),
                database.get("quarkus.datasource.password"));
    }

    /** An active password user (no password: it signs in with the token made below only). */
    private static UUID insertUser(String username, String siteRoles) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection connection = connect();
                PreparedStatement insert =
                        connection.prepareStatement("INSERT INTO users (id, email, username, status, rbac_roles)"
                                + " VALUES (?, ?, ?, 'active', CAST(? AS text[]))")) {
            insert.setObject(1, id);
            insert.setString(2, username + "@example.com");
            insert.setString(3, username);
            insert.setString(4, siteRoles);
            insert.executeUpdate();
        }
        return id;
    }

    /** A 24-hour session token of the user, stored as the service stores them (SHA-256 of the secret). */
    private static String insertKey(UUID userId) throws SQLException {
        String id = random(10);
        String secret = random(22);
        OffsetDateTime now = Instant.now().atOffset(ZoneOffset.UTC);
        try (Connection connection = connect();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO api_keys (id, hashed_secret, user_id, last_used, expires_at, created_at,"
                                + " updated_at, login_type) VALUES (?, ?, ?, ?, ?, ?, ?, 'password')")) {
            insert.setString(1, id);
            insert.setBytes(2, sha256(secret));
            insert.setObject(3, userId);
            insert.setObject(4, now);
            insert.setObject(5, now.plusHours(24));
            insert.setObject(6, now);
            insert.setObject(7, now);
            insert.executeUpdate();
        }
        return id + "-" + secret;
    }

    private static String random(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALPHABET.charAt(ThreadLocalRandom.current().nextInt(ALPHABET.length())));
        }
        return out.toString();
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }
}
