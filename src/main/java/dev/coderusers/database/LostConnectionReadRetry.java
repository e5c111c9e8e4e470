package dev.coderusers.database;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionManager;
import org.jboss.logging.Logger;

/** Runs a {@link RetriesLostConnection} read once more when its database connection was lost. */
@RetriesLostConnection
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class LostConnectionReadRetry {

    private static final Logger LOG = Logger.getLogger(LostConnectionReadRetry.class);

    private final TransactionManager transactions;

    public LostConnectionReadRetry(TransactionManager transactions) {
        this.transactions = transactions;
    }

    @AroundInvoke
    Object retryOnce(InvocationContext invocation) throws Exception {
        if (transactions.getStatus() != Status.STATUS_NO_TRANSACTION) {
            return invocation.proceed(); // inside a transaction, which LostConnectionRetry runs again as a whole
        }
        try {
            return invocation.proceed();
        } catch (Exception failure) {
            if (!LostConnections.isLostConnection(failure)) {
                throw failure;
            }
            LOG.warnf(
                    "Database connection lost in %s.%s (%s); reading once more",
                    invocation.getMethod().getDeclaringClass().getSimpleName(),
                    invocation.getMethod().getName(),
                    LostConnections.rootMessage(failure));
            return invocation.proceed();
        }
    }
}
