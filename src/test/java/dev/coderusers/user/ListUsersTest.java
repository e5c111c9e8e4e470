package dev.coderusers.user;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.coderusers.testsupport.TestUsers;
import dev.coderusers.testsupport.TestUsers.TestUser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class ListUsersTest {

    @Inject
    TestUsers testUsers;

    @Inject
    EntityManager entityManager;

    TestUser owner;
    List<TestUser> users;

    /** Ten users u01..u10 (u01 is the owner who asks); the last four are named "after". */
    @BeforeEach
    void tenUsers() {
        testUsers.deleteAll();
        users = new ArrayList<>();
        owner = testUsers.create("u01", "owner");
        users.add(owner);
        for (int i = 2; i <= 10; i++) {
            users.add(testUsers.create(String.format("u%02d", i)));
        }
        QuarkusTransaction.requiringNew()
                .run(() -> entityManager
                        .createNativeQuery("UPDATE users SET name = 'after ' || username WHERE username >= 'u07'")
                        .executeUpdate());
    }

    private ValidatableResponse list(String query) {
        return given().header("Coder-Session-Token", owner.token())
                .get("/api/v2/users" + query)
                .then();
    }

    @ParameterizedTest(name = "{0} -> {1} of {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "''|10|10",
                "?limit=1|1|10",
                "?offset=1|9|10",
                "?limit=1&offset=1|1|10",
                "?offset=11|0|0",
                "?q=name:after&limit=1&offset=1|1|4"
            })
    void paginationAndCountFollowCoder(String query, int size, int count) {
        list(query).statusCode(200).body("users", hasSize(size)).body("count", equalTo(count));
    }

    @Test
    void afterIdIsAKeysetCursorOnTheUsername() {
        list("?after_id=" + users.get(5).id())
                .statusCode(200)
                .body("users.username", contains("u07", "u08", "u09", "u10"))
                .body("count", equalTo(4));
        list("?after_id=" + java.util.UUID.randomUUID())
                .statusCode(200)
                .body("users", empty())
                .body("count", equalTo(0));
    }

    @Test
    void usersAreOrderedByLowerCaseUsernameAndCarryTheUserShape() {
        testUsers.create("Aaron");
        list("?limit=2")
                .statusCode(200)
                .body("users.username", contains("Aaron", "u01"))
                .body("users[1].roles[0].name", equalTo("owner"))
                .body("users[1].roles[0].display_name", equalTo("Owner"))
                .body("users[0].roles", empty())
                .body("users[0].last_seen_at", equalTo("0001-01-01T00:00:00Z"))
                .body("users[0].login_type", equalTo("password"))
                .body("users[0].has_ai_seat", equalTo(false))
                .body("users[0].organization_ids", hasSize(1));
    }

    @Test
    void aUserWithoutMembershipsHasNullOrganizationIdsInTheList() {
        QuarkusTransaction.requiringNew()
                .run(() -> entityManager
                        .createNativeQuery("DELETE FROM organization_members WHERE user_id = ?1")
                        .setParameter(1, users.get(1).id())
                        .executeUpdate());
        list("?q=u02").statusCode(200).body("users[0].organization_ids", nullValue());
    }

    @Test
    void membersSeeOnlyThemselves() {
        given().header("Coder-Session-Token", users.get(3).token())
                .get("/api/v2/users")
                .then()
                .statusCode(200)
                .body("users.username", contains("u04"))
                .body("count", equalTo(1));
    }

    @Test
    void auditorsAndTemplateAdminsSeeEveryone() {
        TestUser auditor = testUsers.create("zaudit", "auditor");
        TestUser templateAdmin = testUsers.create("ztemplate", "template-admin");
        for (TestUser reader : List.of(auditor, templateAdmin)) {
            given().header("Coder-Session-Token", reader.token())
                    .get("/api/v2/users")
                    .then()
                    .statusCode(200)
                    .body("count", equalTo(12));
        }
    }

    @Test
    void deletedAndSystemUsersAreNeverListed() {
        given().header("Coder-Session-Token", owner.token())
                .delete("/api/v2/users/u02")
                .then()
                .statusCode(200);
        list("").statusCode(200)
                .body("count", equalTo(9))
                .body("users.username", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItems("u02", "prebuilds")));
    }

    @Test
    void theSearchExamplesOfCoderWork() {
        TestUser suspended = testUsers.create("suspended-one", dev.coderusers.user.UserStatus.SUSPENDED, "owner");
        TestUser dormant = testUsers.create("dormant-one", dev.coderusers.user.UserStatus.DORMANT);
        QuarkusTransaction.requiringNew()
                .run(() -> entityManager
                        .createNativeQuery("UPDATE users SET github_com_user_id = 7, login_type = 'github',"
                                + " hashed_password = '', name = 'Test before1' WHERE username = 'u05'")
                        .executeUpdate());

        list("?q=status:suspended,active")
                .statusCode(200)
                .body("count", equalTo(11))
                .body("users.username", org.hamcrest.Matchers.hasItem("suspended-one"));
        list("?q=status:ACTIVE").statusCode(200).body("count", equalTo(10));
        list("?q=status:dormant").statusCode(200).body("users.username", contains("dormant-one"));
        list("?q=role:OWNER status:suspended,active")
                .statusCode(200)
                .body("users.username", containsInAnyOrder("suspended-one", "u01"));
        // Free text next to keys, and keys in any case (the whole query is lower-cased first).
        list("?q=u role:owner status:active").statusCode(200).body("users.username", contains("u01"));
        list("?q=U Role:Owner STATUS:Active").statusCode(200).body("users.username", contains("u01"));
        list("?q=role:member").statusCode(200).body("count", equalTo(12));
        list("?q=name:Test search:u0").statusCode(200).body("users.username", contains("u05"));
        list("?q=github_com_user_id:7").statusCode(200).body("users.username", contains("u05"));
        list("?q=login_type:none login_type:github").statusCode(200).body("users.username", contains("u05"));
        list("?q=service_account:true").statusCode(200).body("count", equalTo(0));
        list("?q=service_account:false").statusCode(200).body("count", equalTo(12));
        list("?q=example.com").statusCode(200).body("count", equalTo(12));
        list("?q=nothing-matches").statusCode(200).body("users", empty()).body("count", equalTo(0));
    }

    @Test
    void timeFiltersAreInclusiveRfc3339() {
        QuarkusTransaction.requiringNew()
                .run(() -> entityManager
                        .createNativeQuery("UPDATE users SET created_at = '2023-01-15T00:00:00Z',"
                                + " last_seen_at = '2023-01-14T23:59:59Z' WHERE username = 'u03'")
                        .executeUpdate());
        list("?q=created_after:\"2023-01-01T00:00:00Z\" created_before:\"2023-01-31T23:59:59Z\"")
                .statusCode(200)
                .body("users.username", contains("u03"));
        list("?q=last_seen_before:\"2023-01-14T23:59:59Z\" last_seen_after:\"2023-01-14T23:59:59Z\"")
                .statusCode(200)
                .body("users.username", contains("u03"));
        list("?q=created_after:\"" + Instant.now().plusSeconds(3600) + "\"")
                .statusCode(200)
                .body("count", equalTo(0));
    }

    @Test
    void invalidSearchQueriesAre400WithEveryProblem() {
        list("?q=status:sleeping foo:bar")
                .statusCode(400)
                .body("message", equalTo("Invalid user search query."))
                .body("validations.field", containsInAnyOrder("status", "foo"))
                .body("validations.find { it.field == 'foo' }.detail", equalTo("\"foo\" is not a valid query param"));
        list("?q=:bad").statusCode(400).body("message", equalTo("Invalid user search query."));
        list("?q=a:b:c").statusCode(400).body("message", equalTo("Invalid user search query."));
        list("?q=name:a name:b").statusCode(400).body("message", equalTo("Invalid user search query."));
    }

    @Test
    void invalidPaginationIs400() {
        list("?limit=-1")
                .statusCode(400)
                .body("message", equalTo("Query parameters have invalid values."))
                .body("validations[0].field", equalTo("limit"));
        list("?offset=abc").statusCode(400).body("validations[0].field", equalTo("offset"));
        list("?after_id=not-a-uuid")
                .statusCode(400)
                .body("validations[0].detail", equalTo("Query param \"after_id\" must be a valid uuid"));
        list("?limit=1&limit=2")
                .statusCode(400)
                .body(
                        "validations[0].detail",
                        equalTo("Query param \"limit\" provided more than once, found 2 times. Only provide 1"
                                + " instance of this query param."));
    }

    @Test
    void listingNeedsASession() {
        given().get("/api/v2/users").then().statusCode(401);
    }
}
