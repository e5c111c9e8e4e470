package dev.coderusers.security;

import java.util.List;
import java.util.UUID;

/**
 * The authenticated request: the id of the API key it presented, that key's user (the {@code principal}, as the
 * feature that authenticated it read and refreshed it), the user's roles, and the organizations the Users API
 * shows for the user (not deleted, in Coder's order), as read at authentication. The principal is a detached
 * snapshot; services reload what they change. {@code security} does not know its type (it imports no feature).
 */
public record Session(Object principal, String apiKeyId, Actor actor, List<UUID> organizationIds) {

    /** The principal as the type the authenticating feature gave it (the user entity). */
    public <T> T principal(Class<T> type) {
        return type.cast(principal);
    }
}
