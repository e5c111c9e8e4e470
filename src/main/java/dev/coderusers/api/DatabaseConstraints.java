package dev.coderusers.api;

import org.hibernate.exception.ConstraintViolationException;

/**
 * Recognises the database constraint behind a failed write, so that a race lost to a concurrent request (two
 * of them taking the same unique name) answers the same 409 as the check that ran before the write.
 */
public final class DatabaseConstraints {

    private DatabaseConstraints() {}

    /** Whether {@code failure}, or one of its causes, is a violation of the named constraint or index. */
    public static boolean violated(Throwable failure, String constraint) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException violation
                    && constraint.equals(violation.getConstraintName())) {
                return true;
            }
        }
        return false;
    }
}
