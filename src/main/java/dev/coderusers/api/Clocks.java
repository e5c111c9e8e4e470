package dev.coderusers.api;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The one clock the service reads business time from (expiries, refreshes, last seen, passcodes, created and
 * updated times): UTC system time. Injected rather than read statically, so that tests move a clock instead of
 * editing the times of stored rows; a test bean of type {@link Clock} replaces this default.
 *
 * <p>Time that PostgreSQL reads ({@code now()} in SQL) is the database server's: the login rate limit's windows
 * are computed there on purpose, so that every replica counts in the same windows whatever its own clock says.
 */
public class Clocks {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
