package dev.coderusers.database;

import java.sql.SQLException;
import java.util.Set;

/** Whether a failure means that the database connection was lost, as opposed to a refused or failed statement. */
public final class LostConnections {

    /**
     * PostgreSQL's admin_shutdown (pg_terminate_backend, a fast shutdown), crash_shutdown and cannot_connect_now
     * (a failover in progress); class 08 (connection exception) is checked separately.
     */
    private static final Set<String> SERVER_GONE = Set.of("57P01", "57P02", "57P03");

    private LostConnections() {}

    /**
     * Looks through causes and suppressed exceptions: a failed COMMIT reaches the caller as the transaction
     * manager's RollbackException, with the driver's error suppressed under the resource's XAException.
     */
    public static boolean isLostConnection(Throwable failure) {
        return isLostConnection(failure, 0);
    }

    private static boolean isLostConnection(Throwable failure, int depth) {
        if (failure == null || depth > 20) {
            return false;
        }
        if (failure instanceof SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            if (state.startsWith("08") || SERVER_GONE.contains(state)) {
                return true;
            }
        }
        for (Throwable suppressed : failure.getSuppressed()) {
            if (isLostConnection(suppressed, depth + 1)) {
                return true;
            }
        }
        return failure.getCause() != failure && isLostConnection(failure.getCause(), depth + 1);
    }

    /** The first line of the innermost cause's message, for a log line. */
    static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage()).lines().findFirst().orElse("");
    }
}
