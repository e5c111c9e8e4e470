package dev.coderusers.startup;

import dev.coderusers.modelprice.SeedOutcome;

/**
 * Where the database start-up stands.
 *
 * @param phase the state
 * @param detail why it is not ready (waiting, failed), or the seed source when ready
 * @param attempts attempts made so far
 * @param outcome what the price seed did, once ready
 */
public record StartupStatus(Phase phase, String detail, int attempts, SeedOutcome outcome) {

    public enum Phase {
        /** The first attempt has not finished yet. */
        STARTING,
        /** The database could not be reached or migrated; retrying with backoff. */
        WAITING_FOR_DATABASE,
        /** Migrations ran and the price seed committed. */
        READY,
        /**
         * The price seed is invalid, or stored secrets need an encryption key that is not configured; the service
         * will not become ready until it is fixed.
         */
        FAILED
    }

    static StartupStatus starting() {
        return new StartupStatus(Phase.STARTING, "Applying database migrations and the AI model price book.", 0, null);
    }

    static StartupStatus waiting(int attempts, String reason) {
        return new StartupStatus(Phase.WAITING_FOR_DATABASE, reason, attempts, null);
    }

    static StartupStatus failed(String reason) {
        return new StartupStatus(Phase.FAILED, reason, 1, null);
    }

    static StartupStatus ready(String source, SeedOutcome outcome) {
        return new StartupStatus(Phase.READY, source, 0, outcome);
    }
}
