package dev.coderusers.modelprice;

import dev.coderusers.api.CoderJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;

/**
 * The time at which price changes take effect and at which usage is priced when no time is given. One clock
 * for the seed, the owners' changes and the cost, so their times compare; tests replace it to put changes at
 * known times instead of editing rows.
 */
@ApplicationScoped
public class PriceClock {

    @Inject
    Clock clock;

    /** A price clock outside CDI (the seed benchmark), on {@code clock}. */
    public static PriceClock on(Clock clock) {
        PriceClock priceClock = new PriceClock();
        priceClock.clock = clock;
        return priceClock;
    }

    /** Now, at PostgreSQL's precision (microseconds), so that what is stored equals what was used. */
    public Instant now() {
        return CoderJson.now(clock);
    }
}
