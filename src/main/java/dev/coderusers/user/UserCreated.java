package dev.coderusers.user;

import java.time.Instant;
import java.util.UUID;

/**
 * A user row was just inserted, in the transaction still open. Fired synchronously, so that what other features
 * store for a new user (its git SSH key) is written in the same transaction without {@code user} calling them:
 * they depend on {@code user}, never the other way round.
 */
public record UserCreated(UUID userId, Instant at) {}
