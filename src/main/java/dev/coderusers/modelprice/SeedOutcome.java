package dev.coderusers.modelprice;

/**
 * What applying a price seed did.
 *
 * @param checksum SHA-256 of the seed
 * @param rows rows in the seed
 * @param inserted rows that were new
 * @param updated rows whose prices changed
 * @param unchanged rows already carrying the seed's prices (not rewritten)
 * @param skippedByChecksum true when the seed equals the last one applied, so nothing was executed
 * @param millis time taken, including the checksum look-up and the lock
 */
public record SeedOutcome(
        String checksum, int rows, int inserted, int updated, int unchanged, boolean skippedByChecksum, long millis) {}
