package dev.coderusers.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coderusers.apikey.ApiKey;
import dev.coderusers.testsupport.PostgresWireRecorder;
import dev.coderusers.testsupport.RecordedDatabase;
import dev.coderusers.testsupport.TestUsers;
import dev.coderusers.testsupport.TestUsers.TestUser;
import dev.coderusers.user.UserStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How many statements, and round trips, the database sees for one request of the main endpoints, counted on the
 * wire by {@link PostgresWireRecorder}. The numbers are pinned: a change that adds a query, a transaction or a
 * second read of the same rows to a request fails here, and one that removes some updates the number. The
 * authenticated requests begin with the one session read ({@code FROM api_keys}); requests that only read run no
 * transaction ({@code BEGIN}/{@code COMMIT}).
 */
@QuarkusTest
@WithTestResource(value = RecordedDatabase.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class StatementsPerRequestTest {

    @Inject
    TestUsers testUsers;

    /** Injected by {@link RecordedDatabase}. */
    PostgresWireRecorder database;

    TestUser owner;
    TestUser member;

    @BeforeEach
    void users() {
        testUsers.deleteAll();
        owner = testUsers.create("owner", "owner");
        member = testUsers.create("member");
        // A key's first use writes its last_used (Coder's "never used" becomes now): out of the way here, so that
        // each test measures the steady state; theHourlyRefreshAddsOneWriteAndNoTransaction covers that write.
        given().header("Coder-Session-Token", owner.token())
                .get("/api/v2/users/me")
                .then()
                .statusCode(200);
        given().header("Coder-Session-Token", member.token())
                .get("/api/v2/users/me")
                .then()
                .statusCode(200);
    }

    @Test
    void getMeIsTheSessionReadAlone() {
        Recorded me = record(owner, request -> request.get("/api/v2/users/me"), 200);
        me.expect(1, 1);
        assertThat(me.statements().get(0)).contains("FROM api_keys k").contains("organization_members");
    }

    @Test
    void theHourlyRefreshAddsOneWriteAndNoTransaction() {
        QuarkusTransaction.requiringNew()
                .run(() -> ApiKey.<ApiKey>findById(owner.token().substring(0, 10)).lastUsed =
                        CoderJson.now().minus(2, ChronoUnit.HOURS));
        Recorded refreshed = record(owner, request -> request.get("/api/v2/users/me"), 200);
        refreshed.expect(2, 2);
        assertThat(refreshed.statements().get(1)).startsWith("WITH refreshed AS ( UPDATE api_keys");

        // Within the hour, reads only again.
        record(owner, request -> request.get("/api/v2/users/me"), 200).expect(1, 1);
    }

    @Test
    void aDormantUsersFirstRequestActivatesItInTheSameWrite() {
        TestUser dora = testUsers.create("dora", UserStatus.DORMANT);
        record(dora, request -> request.get("/api/v2/users/me"), 200).expect(2, 2);
        record(dora, request -> request.get("/api/v2/users/me"), 200).expect(1, 1);
    }

    @Test
    void aRefusedTokenCostsTheSessionReadAndWritesNothing() {
        QuarkusTransaction.requiringNew()
                .run(() -> dev.coderusers.user.User.<dev.coderusers.user.User>findById(member.id()).status =
                        UserStatus.SUSPENDED);
        record(member, request -> request.get("/api/v2/users/me"), 401).expect(1, 1);
    }

    @Test
    void searchingUsersIsOneStatementAfterTheSessionRead() {
        Recorded search = record(owner, request -> request.get("/api/v2/users?q=mem status:active&limit=10"), 200);
        search.expect(2, 2);
        assertThat(search.statements().get(1)).startsWith("WITH matching AS MATERIALIZED");
        Recorded page = record(owner, request -> request.get("/api/v2/users?limit=1&offset=1"), 200);
        page.expect(2, 2);
        assertThat(page.statements().get(1)).startsWith("WITH page AS");
        record(member, request -> request.get("/api/v2/users"), 200).expect(2, 2);
    }

    @Test
    void readingAnotherUser() {
        record(owner, request -> request.get("/api/v2/users/" + member.id()), 200)
                .expect(3, 3);
        record(owner, request -> request.get("/api/v2/users/member"), 200).expect(3, 3);
    }

    @Test
    void creatingAUser() {
        record(
                        owner,
                        request -> request.contentType("application/json")
                                .body("{\"email\":\"new@example.com\",\"username\":\"newuser\","
                                        + "\"password\":\"SomeSecurePassword!\","
                                        + "\"organization_ids\":[\"00000000-0000-0000-0000-000000000000\"]}")
                                .post("/api/v2/users"),
                        201)
                .expect(9, 8);
    }

    @Test
    void changingAProfile() {
        record(
                        owner,
                        request -> request.contentType("application/json")
                                .body("{\"username\":\"renamed\",\"name\":\"Renamed\"}")
                                .put("/api/v2/users/" + member.id() + "/profile"),
                        200)
                .expect(7, 6);
    }

    @Test
    void suspendingAUser() {
        // The target is read once, in the transaction (it was read before it and again inside until issue 16).
        Recorded suspend =
                record(owner, request -> request.put("/api/v2/users/" + member.id() + "/status/suspend"), 200);
        suspend.expect(6, 5);
        assertThat(suspend.statements().get(1)).isEqualTo("BEGIN");
        assertThat(suspend.statements().get(2)).startsWith("select u1_0.id");
        assertThat(suspend.statements().stream().filter(sql -> sql.contains(" from users ")))
                .hasSize(1);
    }

    @Test
    void listingAndCreatingTokens() {
        record(owner, request -> request.get("/api/v2/users/me/keys/tokens"), 200)
                .expect(4, 3);
        record(
                        owner,
                        request -> request.contentType("application/json")
                                .body("{\"token_name\":\"ci\",\"lifetime\":86400000000000}")
                                .post("/api/v2/users/me/keys/tokens"),
                        201)
                .expect(5, 4);
    }

    @Test
    void signingInAndOut() {
        Recorded login = record(
                null,
                request -> request.contentType("application/json")
                        .body("{\"email\":\"member@example.com\",\"password\":\"" + TestUsers.PASSWORD + "\"}")
                        .post("/api/v2/users/login"),
                201);
        login.expect(5, 4);
        // The session's read, then its deletion with the keys it ends in one DELETE ... RETURNING.
        record(member, request -> request.post("/api/v2/users/logout"), 200).expect(4, 3);
    }

    @Test
    void publicEndpoints() {
        record(null, request -> request.get("/api/v2/users/first"), 200).expect(3, 2);
        record(null, request -> request.get("/api/v2/users/authmethods"), 200).expect(0, 0);
    }

    /** What one request cost. */
    record Recorded(List<String> statements, int roundTrips) {

        void expect(int statementCount, int roundTripCount) {
            assertThat(statements)
                    .as("statements of the request (%d round trips)", roundTrips)
                    .hasSize(statementCount);
            assertThat(roundTrips).as("round trips for %s", statements).isEqualTo(roundTripCount);
        }
    }

    private Recorded record(TestUser caller, Function<RequestSpecification, Response> send, int status) {
        RequestSpecification request = given();
        if (caller != null) {
            request.header("Coder-Session-Token", caller.token());
        }
        database.reset();
        send.apply(request).then().statusCode(status);
        return new Recorded(database.statements(), database.roundTrips());
    }
}
