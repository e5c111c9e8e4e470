package dev.coderusers.security;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A sliding-window counter, the algorithm of the {@code httprate} limiter Coder uses: the estimate is
 * the current window's count plus the previous window's count weighted by how much of it still overlaps
 * the sliding window. Memory is one small entry per active key; idle keys are dropped.
 *
 * <p>Limits are per process: with several replicas, a client can make up to {@code limit × replicas}
 * requests a window, as with Coder's own in-memory limiter.
 */
public class SlidingWindowRateLimiter {

    private final int limit;
    private final long windowNanos;
    private final LongSupplier clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    public SlidingWindowRateLimiter(int limit, Duration window) {
        this(limit, window, System::nanoTime);
    }

    SlidingWindowRateLimiter(int limit, Duration window, LongSupplier clock) {
        this.limit = limit;
        this.windowNanos = window.toNanos();
        this.clock = clock;
    }

    /** Counts a request for {@code key}; false when it is over the limit (and then it is not counted). */
    public boolean tryAcquire(String key) {
        long now = clock.getAsLong();
        if (windows.size() > 10_000) {
            windows.values().removeIf(w -> w.idleSince(now, windowNanos));
        }
        Window window = windows.computeIfAbsent(key, k -> new Window(now - Math.floorMod(now, windowNanos)));
        synchronized (window) {
            window.roll(now, windowNanos);
            double overlap = 1.0 - (double) (now - window.start) / windowNanos;
            double estimate = window.previous * overlap + window.current;
            if (estimate + 1 > limit) {
                return false;
            }
            window.current++;
            return true;
        }
    }

    public int limit() {
        return limit;
    }

    private static final class Window {
        long start;
        long previous;
        long current;

        Window(long start) {
            this.start = start;
        }

        void roll(long now, long size) {
            long elapsedWindows = (now - start) / size;
            if (elapsedWindows <= 0) {
                return;
            }
            previous = elapsedWindows == 1 ? current : 0;
            current = 0;
            start += elapsedWindows * size;
        }

        synchronized boolean idleSince(long now, long size) {
            return now - start > 2 * size;
        }
    }
}
