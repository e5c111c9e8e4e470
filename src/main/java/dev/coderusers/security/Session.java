package dev.coderusers.security;

import dev.coderusers.apikey.ApiKey;
import dev.coderusers.user.User;

/**
 * The authenticated request: the API key it presented and that key's user, as read (and refreshed) at
 * authentication. Both are detached snapshots; services reload what they change.
 */
public record Session(User user, ApiKey apiKey, Actor actor) {}
