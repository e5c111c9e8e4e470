package dev.coderusers.apikey;

import dev.coderusers.user.LoginType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.Arc;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.EnumMap;
import java.util.Map;

/**
 * Sessions (keys of a sign-in: password, GitHub, OIDC, and the CLI's {@code POST /keys}) and tokens created and
 * deleted, as {@code coder_users_sessions_created_total{login_type}}, {@code coder_users_sessions_deleted_total},
 * {@code coder_users_tokens_created_total} and {@code coder_users_tokens_deleted_total}. A change is counted when
 * its transaction commits, so a rolled-back sign-in or sign-out counts nothing. Every series exists from the start
 * (at 0), so that rates and alerts see the first event.
 */
@Startup
@ApplicationScoped
public class ApiKeyMetrics {

    private final TransactionSynchronizationRegistry transactions;
    private final Map<LoginType, Counter> created = new EnumMap<>(LoginType.class);
    private final Map<LoginType, Counter> deleted = new EnumMap<>(LoginType.class);

    public ApiKeyMetrics(MeterRegistry registry, TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
        for (LoginType type : new LoginType[] {LoginType.PASSWORD, LoginType.GITHUB, LoginType.OIDC}) {
            created.put(
                    type,
                    Counter.builder("coder_users.sessions.created")
                            .description("Sessions created (sign-ins and POST /users/{user}/keys), by login type")
                            .tag("login_type", type.value())
                            .register(registry));
            deleted.put(
                    type,
                    Counter.builder("coder_users.sessions.deleted")
                            .description("Sessions deleted (sign-out, revocation, password change, login"
                                    + " conversion), by login type")
                            .tag("login_type", type.value())
                            .register(registry));
        }
        created.put(
                LoginType.TOKEN,
                Counter.builder("coder_users.tokens.created")
                        .description("API tokens created (POST /users/{user}/keys/tokens)")
                        .register(registry));
        deleted.put(
                LoginType.TOKEN,
                Counter.builder("coder_users.tokens.deleted")
                        .description("API tokens deleted (revocation, password change)")
                        .register(registry));
    }

    /** For the static finders of {@link ApiKey}, which have no injection. */
    static ApiKeyMetrics current() {
        return Arc.container().instance(ApiKeyMetrics.class).get();
    }

    void created(LoginType type) {
        countOnCommit(created.get(type), 1);
    }

    void deleted(LoginType type, long count) {
        countOnCommit(deleted.get(type), count);
    }

    private void countOnCommit(Counter counter, long count) {
        if (counter == null || count == 0) {
            return;
        }
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            counter.increment(count);
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    counter.increment(count);
                }
            }
        });
    }
}
