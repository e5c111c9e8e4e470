package dev.coderusers.testsupport;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;

/** The records one log category writes while it is open, with their MDC as it was when each was written. */
public final class CapturedLog implements AutoCloseable {

    private final Logger logger;
    private final List<ExtLogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            ExtLogRecord ext = (ExtLogRecord) record;
            ext.copyMdc();
            records.add(ext);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    private CapturedLog(String category) {
        this.logger = Logger.getLogger(category);
        logger.addHandler(handler);
    }

    public static CapturedLog of(String category) {
        return new CapturedLog(category);
    }

    public List<ExtLogRecord> records() {
        return List.copyOf(records);
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
    }
}
