package dev.coderusers.testsupport;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits for a state that the application reaches in the background (start-up, readiness). The bound is
 * generous and only ends a test that would otherwise hang; it asserts nothing about speed.
 */
public final class Poll {

    private static final Duration INTERVAL = Duration.ofMillis(100);

    private Poll() {}

    /** Probes until {@code done} accepts the value, and returns it; fails with the last value after {@code bound}. */
    public static <T> T until(String what, Duration bound, Supplier<T> probe, Predicate<T> done) {
        long deadline = System.nanoTime() + bound.toNanos();
        T value = probe.get();
        while (!done.test(value)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Waited " + bound + " for " + what + "; last seen: " + value);
            }
            try {
                Thread.sleep(INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for " + what, e);
            }
            value = probe.get();
        }
        return value;
    }
}
