package dev.coderusers.user;

import java.util.UUID;

/**
 * A user's password was changed or reset, in the transaction still open. Fired synchronously: the owner of the
 * API keys ends the user's sessions and tokens in the same transaction (as Coder does), without {@code user}
 * writing {@code api_keys} itself.
 */
public record PasswordChanged(UUID userId) {}
