package dev.coderusers.modelprice;

import java.time.Instant;

/**
 * The CDI event of a start-up whose price book step has completed: the seed was applied, or found applied already.
 *
 * @param outcome what the step did
 * @param completedAt when it committed
 */
public record PriceBookApplied(SeedOutcome outcome, Instant completedAt) {}
