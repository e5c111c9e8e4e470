package dev.coderusers.apikey;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coderusers.api.CoderJson;
import dev.coderusers.testsupport.TestUsers;
import dev.coderusers.testsupport.TestUsers.TestUser;
import dev.coderusers.user.User;
import dev.coderusers.user.UserStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The writes of session authentication under concurrency: the hourly refresh and the activation of a dormant user
 * are written once, and never undo a change made between this request's read and its write.
 */
@QuarkusTest
class SessionStoreTest {

    @Inject
    TestUsers testUsers;

    @Inject
    SessionStore store;

    TestUser alice;

    @BeforeEach
    void reset() {
        testUsers.deleteAll();
        alice = testUsers.create("alice");
    }

    @Test
    void aRefreshIsWrittenOnceWhenTwoRequestsReadTheSameKey() {
        setLastUsed(alice, CoderJson.now().minus(2, ChronoUnit.HOURS));
        SessionStore.StoredKey first = store.find(keyId(alice)).orElseThrow();
        SessionStore.StoredKey second = store.find(keyId(alice)).orElseThrow();
        Instant now = CoderJson.now();

        assertThat(store.recordUse(first.key(), refresh(now), false, now)).isTrue();
        // The second request read the key before the first wrote it: its refresh finds the key changed.
        assertThat(store.recordUse(second.key(), refresh(now.plusMillis(5)), false, now.plusMillis(5)))
                .isFalse();

        ApiKey key = key(alice);
        assertThat(key.lastUsed).isEqualTo(now);
        assertThat(user(alice).lastSeenAt).isEqualTo(now);
    }

    @Test
    void aRefreshNeverPushesBackAnExpirySetMeanwhile() {
        setLastUsed(alice, CoderJson.now().minus(2, ChronoUnit.HOURS));
        SessionStore.StoredKey read = store.find(keyId(alice)).orElseThrow();
        Instant expired = CoderJson.now().minusSeconds(1);
        QuarkusTransaction.requiringNew().run(() -> ApiKey.<ApiKey>findById(keyId(alice)).expiresAt = expired);

        Instant now = CoderJson.now();
        assertThat(store.recordUse(read.key(), refresh(now), false, now)).isFalse();
        assertThat(key(alice).expiresAt).isEqualTo(expired);
    }

    @Test
    void anActivationNeverUndoesASuspensionMeanwhile() {
        TestUser dora = testUsers.create("dora", UserStatus.DORMANT);
        SessionStore.StoredKey read = store.find(keyId(dora)).orElseThrow();
        assertThat(read.user().status).isEqualTo(UserStatus.DORMANT);
        QuarkusTransaction.requiringNew().run(() -> User.<User>findById(dora.id()).status = UserStatus.SUSPENDED);

        Instant now = CoderJson.now();
        store.recordUse(read.key(), null, true, now);
        assertThat(user(dora).status).isEqualTo(UserStatus.SUSPENDED);
    }

    @Test
    void concurrentFirstRequestsOfADormantUserAllSucceedAndActivateIt() throws Exception {
        TestUser dora = testUsers.create("dora", UserStatus.DORMANT);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> requests = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                requests.add(() -> given().header("Coder-Session-Token", dora.token())
                        .get("/api/v2/users/me")
                        .then()
                        .extract()
                        .statusCode());
            }
            for (Future<Integer> status : pool.invokeAll(requests)) {
                assertThat(status.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        User stored = user(dora);
        assertThat(stored.status).isEqualTo(UserStatus.ACTIVE);
        // The first use refreshed the never-used key, and the user was seen then.
        assertThat(key(dora).lastUsed).isAfter(CoderJson.now().minus(Duration.ofMinutes(5)));
        assertThat(stored.lastSeenAt).isEqualTo(key(dora).lastUsed);
    }

    private static SessionStore.Refresh refresh(Instant now) {
        return new SessionStore.Refresh(now, "127.0.0.1", now.plus(Duration.ofHours(24)));
    }

    private static String keyId(TestUser user) {
        return user.token().substring(0, 10);
    }

    private static ApiKey key(TestUser user) {
        return QuarkusTransaction.requiringNew().call(() -> ApiKey.findById(keyId(user)));
    }

    private static User user(TestUser user) {
        return QuarkusTransaction.requiringNew().call(() -> User.findById(user.id()));
    }

    private static void setLastUsed(TestUser user, Instant lastUsed) {
        QuarkusTransaction.requiringNew().run(() -> ApiKey.<ApiKey>findById(keyId(user)).lastUsed = lastUsed);
    }
}
