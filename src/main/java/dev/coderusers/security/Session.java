package dev.coderusers.security;

import dev.coderusers.apikey.ApiKey;
import dev.coderusers.user.User;
import java.util.List;
import java.util.UUID;

/**
 * The authenticated request: the API key it presented, that key's user, the user's roles, and the organizations
 * the Users API shows for the user (not deleted, in Coder's order), as read (and refreshed) at authentication.
 * The key and user are detached snapshots; services reload what they change.
 */
public record Session(User user, ApiKey apiKey, Actor actor, List<UUID> organizationIds) {}
