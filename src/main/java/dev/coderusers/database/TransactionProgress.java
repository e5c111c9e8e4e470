package dev.coderusers.database;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

/**
 * How far the outermost transactional method of this thread got: whether its transaction reached COMMIT.
 * Recorded inside the transaction interceptor, read by {@link LostConnectionRetry} outside it.
 *
 * <p>Hibernate writes pending changes at commit, in the transaction's before-completion phase. A marker
 * registered last runs after that flush: a failure before it is a transaction PostgreSQL rolled back; a
 * failure after it is the COMMIT itself, whose outcome the client cannot know.
 */
@Transactional
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 300) // inside Narayana's transaction interceptors (+ 200)
public class TransactionProgress {

    private static final ThreadLocal<Progress> CURRENT = new ThreadLocal<>();

    private final TransactionSynchronizationRegistry synchronizations;

    public TransactionProgress(TransactionSynchronizationRegistry synchronizations) {
        this.synchronizations = synchronizations;
    }

    @AroundInvoke
    Object record(InvocationContext invocation) throws Exception {
        Progress progress = CURRENT.get();
        if (progress == null) {
            return invocation.proceed();
        }
        progress.depth++;
        try {
            Object result = invocation.proceed();
            if (progress.depth == 1) {
                // Interposed synchronizations run after the ordinary ones (Hibernate's flush), in order of
                // registration: this one, registered after the method's work, runs last before COMMIT.
                synchronizations.registerInterposedSynchronization(progress.markerOf(synchronizations));
            }
            return result;
        } finally {
            progress.depth--;
        }
    }

    static Progress begin() {
        Progress progress = new Progress();
        CURRENT.set(progress);
        return progress;
    }

    static Progress current() {
        return CURRENT.get();
    }

    static void end() {
        CURRENT.remove();
    }

    static final class Progress {
        private int depth;
        private volatile boolean committing;

        /** Marks the COMMIT, unless an earlier synchronization (Hibernate's flush) failed and doomed the transaction. */
        Synchronization markerOf(TransactionSynchronizationRegistry registry) {
            return new Synchronization() {
                @Override
                public void beforeCompletion() {
                    if (registry.getTransactionStatus() == Status.STATUS_ACTIVE) {
                        committing = true;
                    }
                }

                @Override
                public void afterCompletion(int status) {
                    // Nothing: what matters is whether COMMIT was reached.
                }
            };
        }

        /** Whether the transaction got as far as COMMIT (its changes were all written). */
        boolean reachedCommit() {
            return committing;
        }

        void restart() {
            depth = 0;
            committing = false;
        }
    }
}
