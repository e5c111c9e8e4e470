package dev.coderusers.modelprice;

import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusMock;
import java.time.Clock;
import java.time.Instant;

/**
 * The {@link PriceClock} for tests that need price changes at known times: it tells the real time until a test
 * sets it, instead of tests editing the times of stored rows. Installed for one test at a time.
 */
public class MovableClock extends PriceClock {

    private volatile Instant fixed;

    /** Replaces the service's clock with a new movable one for the current test. */
    public static MovableClock install() {
        MovableClock clock = new MovableClock();
        // Made with new, so nothing injects it: until a test sets it, it tells the service's clock's time.
        clock.clock = Arc.container().instance(Clock.class).get();
        QuarkusMock.installMockForType(clock, PriceClock.class);
        return clock;
    }

    @Override
    public Instant now() {
        Instant at = fixed;
        return at != null ? at : super.now();
    }

    /** From now on the clock says {@code at}. */
    public void set(Instant at) {
        fixed = at;
    }

    /** Back to the real time. */
    public void real() {
        fixed = null;
    }
}
