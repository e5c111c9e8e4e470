package dev.coderusers.modelprice;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Counts the SQL statements the service sends to PostgreSQL while it is open, from the PostgreSQL driver's own
 * protocol trace (one {@code Execute} message per statement executed, whatever code sent it). For structural
 * facts such as "a batch costs the same statements as one usage"; nothing here measures time.
 */
final class JdbcStatements implements AutoCloseable {

    private static final Logger PROTOCOL = Logger.getLogger("org.postgresql.core.v3.QueryExecutorImpl");

    private final AtomicInteger executed = new AtomicInteger();
    private final Level previous;
    private final boolean parentHandlers;
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String message = record.getMessage();
            if (message != null && message.contains("FE=> Execute(")) {
                executed.incrementAndGet();
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    private JdbcStatements() {
        previous = PROTOCOL.getLevel();
        parentHandlers = PROTOCOL.getUseParentHandlers();
        handler.setLevel(Level.ALL);
        // The trace is for counting only, not for the console.
        PROTOCOL.setUseParentHandlers(false);
        PROTOCOL.setLevel(Level.FINEST);
        PROTOCOL.addHandler(handler);
    }

    static JdbcStatements count() {
        return new JdbcStatements();
    }

    /** Statements executed since {@link #count()}. */
    int executed() {
        return executed.get();
    }

    @Override
    public void close() {
        PROTOCOL.removeHandler(handler);
        PROTOCOL.setLevel(previous);
        PROTOCOL.setUseParentHandlers(parentHandlers);
    }
}
