package dev.coderusers.user;

import java.util.function.Supplier;

/**
 * The {@code {user}} of a request that writes, not yet resolved: the write service resolves it once, as the first
 * step of its own transaction ({@link #resolve}), instead of the resource reading it before the transaction and
 * the service reading it again. Checks and writes then see the same row.
 */
public final class UserTarget {

    private final Supplier<User> resolution;

    private UserTarget(Supplier<User> resolution) {
        this.resolution = resolution;
    }

    /** The {@code {user}} path parameter, resolved by {@link UserParamResolver}'s rules when asked. */
    static UserTarget of(String param, UserParamResolver resolver) {
        return new UserTarget(() -> resolver.resolveInTransaction(param));
    }

    /** A target its caller already holds (a caller inside the service layer, or a test). */
    public static UserTarget resolved(User user) {
        return new UserTarget(() -> user);
    }

    /**
     * The target user, readable by the caller, else 404; read in the caller's transaction (which must exist),
     * so that the entity is managed. {@code me} is the session's own user as this request's authentication read
     * it, detached (no second read): {@link UserParamResolver#managed} gives a service that changes the user's
     * row a managed copy.
     */
    public User resolve() {
        return resolution.get();
    }
}
