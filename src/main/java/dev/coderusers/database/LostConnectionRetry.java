package dev.coderusers.database;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * Runs a transaction a second time when its database connection was lost (a failover, a restarted server,
 * {@code pg_terminate_backend}), so that such an event costs no client error. The pool validates connections
 * before handing them out ({@code validate-on-borrow}), so the second attempt gets a live one.
 *
 * <p>It wraps every outermost {@code @Transactional} (REQUIRED) method, outside the transaction interceptor, and
 * retries once, only when running it again cannot do anything twice:
 *
 * <ul>
 *   <li>the connection was lost before COMMIT was sent (during a statement, or while Hibernate flushed the
 *       changes): PostgreSQL has rolled the transaction back, nothing of it exists;
 *   <li>or the request is a GET or HEAD, which writes nothing a second run could duplicate, even when the
 *       connection was lost during COMMIT (where the outcome is unknown, writes are not retried: the client
 *       gets its 500 and may look).
 * </ul>
 */
@Transactional
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100) // Narayana's transaction interceptors: + 200
public class LostConnectionRetry {

    private static final Logger LOG = Logger.getLogger(LostConnectionRetry.class);

    private final TransactionManager transactions;

    public LostConnectionRetry(TransactionManager transactions) {
        this.transactions = transactions;
    }

    @AroundInvoke
    Object retryOnce(InvocationContext invocation) throws Exception {
        if (transactions.getStatus() != Status.STATUS_NO_TRANSACTION || TransactionProgress.current() != null) {
            return invocation.proceed(); // a nested call: the outermost one decides
        }
        TransactionProgress.Progress progress = TransactionProgress.begin();
        try {
            return invocation.proceed();
        } catch (Exception failure) {
            boolean rolledBack = !progress.reachedCommit();
            if (!LostConnections.isLostConnection(failure) || !(rolledBack || isSafeRequest())) {
                throw failure;
            }
            LOG.warnf(
                    "Database connection lost in %s.%s (%s); running it once more",
                    invocation.getMethod().getDeclaringClass().getSimpleName(),
                    invocation.getMethod().getName(),
                    LostConnections.rootMessage(failure));
            progress.restart();
            return invocation.proceed();
        } finally {
            TransactionProgress.end();
        }
    }

    /** GET and HEAD requests, which this API never lets write anything a second run would duplicate. */
    private static boolean isSafeRequest() {
        ManagedContext requestContext = Arc.container().requestContext();
        if (!requestContext.isActive()) {
            return false;
        }
        RoutingContext routing =
                Arc.container().instance(CurrentVertxRequest.class).get().getCurrent();
        if (routing == null) {
            return false;
        }
        HttpMethod method = routing.request().method();
        return HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method);
    }
}
