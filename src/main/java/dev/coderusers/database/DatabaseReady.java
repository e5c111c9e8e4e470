package dev.coderusers.database;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whether the database is migrated and seeded, for the background jobs of the features (purges, counts,
 * clean-ups) that must not touch it before. {@code startup} sets it; it lives here, below the features, so that
 * they need not depend on {@code startup}, which depends on them to orchestrate migrations and seed.
 */
@ApplicationScoped
public class DatabaseReady {

    private volatile boolean ready;

    public boolean isReady() {
        return ready;
    }

    /** Called once by the start-up, after the migrations ran and the price book committed. */
    public void markReady() {
        ready = true;
    }
}
