package dev.coderusers.user;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import dev.coderusers.api.ApiException;
import dev.coderusers.role.Roles;
import dev.coderusers.security.Actor;
import dev.coderusers.testsupport.TestUsers;
import dev.coderusers.testsupport.TestUsers.TestUser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Only an owner may delete, rename, change the roles or the password of an owner, and the last active owner
 * is never deleted or demoted: otherwise a user-admin could lock the site out, since no other role can assign
 * {@code owner} again.
 */
@QuarkusTest
class OwnerProtectionTest {

    @Inject
    TestUsers testUsers;

    @Inject
    UserService users;

    @Inject
    UserRoleService roles;

    TestUser owner;
    TestUser userAdmin;

    @BeforeEach
    void reset() {
        testUsers.deleteAll();
        owner = testUsers.create("owner", "owner");
        userAdmin = testUsers.create("useradmin", "user-admin");
    }

    @Test
    void aUserAdminCannotDeleteAnOwner() {
        given().header("Coder-Session-Token", userAdmin.token())
                .delete("/api/v2/users/owner")
                .then()
                .statusCode(403)
                .body("message", equalTo("Only an owner may delete a user with the \"owner\" role."));
        assertThat(isDeleted(owner)).isFalse();
        // Members are still theirs to delete.
        TestUser member = testUsers.create("member");
        given().header("Coder-Session-Token", userAdmin.token())
                .delete("/api/v2/users/member")
                .then()
                .statusCode(200);
    }

    @Test
    void aUserAdminCannotRenameAnOwnerOrChangeItsRolesOrPassword() {
        given().header("Coder-Session-Token", userAdmin.token())
                .contentType(ContentType.JSON)
                .body(Map.of("username", "renamed"))
                .put("/api/v2/users/owner/profile")
                .then()
                .statusCode(403)
                .body("message", equalTo("Only an owner may rename a user with the \"owner\" role."));
        // The display name is personal data a user-admin may still change.
        given().header("Coder-Session-Token", userAdmin.token())
                .contentType(ContentType.JSON)
                .body(Map.of("username", "owner", "name", "The Owner"))
                .put("/api/v2/users/owner/profile")
                .then()
                .statusCode(200);
        // Storing "member" is a change a user-admin may make to anyone else.
        given().header("Coder-Session-Token", userAdmin.token())
                .contentType(ContentType.JSON)
                .body(Map.of("roles", List.of("owner", "member")))
                .put("/api/v2/users/owner/roles")
                .then()
                .statusCode(403)
                .body("message", equalTo("Only an owner may change the roles of a user with the \"owner\" role."));
        given().header("Coder-Session-Token", userAdmin.token())
                .contentType(ContentType.JSON)
                .body(Map.of("password", "AnotherSecurePassword?42"))
                .put("/api/v2/users/owner/password")
                .then()
                .statusCode(403);
    }

    @Test
    void anOwnerMayDeleteOrDemoteAnotherOwner() {
        TestUser second = testUsers.create("second", "owner");
        TestUser third = testUsers.create("third", "owner");
        given().header("Coder-Session-Token", owner.token())
                .delete("/api/v2/users/second")
                .then()
                .statusCode(200);
        given().header("Coder-Session-Token", owner.token())
                .contentType(ContentType.JSON)
                .body(Map.of("roles", List.of()))
                .put("/api/v2/users/third/roles")
                .then()
                .statusCode(200)
                .body("roles.size()", equalTo(0));
        assertThat(isDeleted(second)).isTrue();
    }

    /**
     * The actor is what authentication read at the start of the request: an owner demoted meanwhile still
     * acts as one. The database decides whether an active owner would remain.
     */
    @Test
    void theLastActiveOwnerIsNeitherDeletedNorDemoted() {
        TestUser formerOwner = testUsers.create("former");
        Actor stale = new Actor(formerOwner.id(), Set.of(Roles.OWNER), Map.of());
        User target = QuarkusTransaction.requiringNew().call(() -> User.<User>findById(owner.id()));

        assertThatThrownBy(() -> users.delete(stale, UserTarget.resolved(target)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.getMessage()).startsWith("You cannot delete the last active owner");
                });
        assertThatThrownBy(
                        () -> roles.updateRoles(stale, UserTarget.resolved(target), new UpdateRolesRequest(List.of())))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.getMessage()).startsWith("You cannot demote the last active owner");
                });
        assertThat(isDeleted(owner)).isFalse();
        // A suspended owner does not count as one who could take over.
        TestUser suspended = testUsers.create("suspended", UserStatus.SUSPENDED, "owner");
        assertThatThrownBy(() -> users.delete(stale, UserTarget.resolved(target)))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.status()).isEqualTo(409));
        assertThat(suspended.id()).isNotNull();
    }

    /** Two owners deleting each other at the same moment: the advisory lock lets only one of them succeed. */
    @Test
    void twoOwnersDeletingEachOtherAtOnceLeaveOne() {
        for (int round = 0; round < 5; round++) {
            testUsers.deleteAll();
            TestUser a = testUsers.create("a" + round, "owner");
            TestUser b = testUsers.create("b" + round, "owner");
            CompletableFuture<Integer> aDeletesB =
                    CompletableFuture.supplyAsync(() -> given().header("Coder-Session-Token", a.token())
                            .delete("/api/v2/users/" + b.id())
                            .statusCode());
            CompletableFuture<Integer> bDeletesA =
                    CompletableFuture.supplyAsync(() -> given().header("Coder-Session-Token", b.token())
                            .delete("/api/v2/users/" + a.id())
                            .statusCode());
            List<Integer> statuses = List.of(aDeletesB.join(), bDeletesA.join());
            assertThat(statuses).as("round %d", round).contains(200);
            long activeOwners = QuarkusTransaction.requiringNew()
                    .call(() -> ((Number) User.getEntityManager()
                                    .createNativeQuery("SELECT count(*) FROM users WHERE NOT deleted AND NOT is_system"
                                            + " AND status <> 'suspended' AND 'owner' = ANY(rbac_roles)")
                                    .getSingleResult())
                            .longValue());
            assertThat(activeOwners).as("round %d: %s", round, statuses).isEqualTo(1);
        }
    }

    private static boolean isDeleted(TestUser user) {
        return QuarkusTransaction.requiringNew().call(() -> User.<User>findById(user.id()).deleted);
    }
}
