package dev.coderusers.user;

import dev.coderusers.api.ApiException;
import dev.coderusers.database.RetriesLostConnection;
import dev.coderusers.role.Permissions;
import dev.coderusers.security.Actor;
import dev.coderusers.security.CurrentSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Resolves the {@code {user}} path parameter as Coder's {@code ExtractUserParam} does: {@code me}, a UUID
 * (deleted users included, as Coder's {@code GetUserByID}), or a username (case-insensitive, not deleted).
 * A user the caller may not read answers 404 like an absent one, so that existence does not leak.
 */
@ApplicationScoped
public class UserParamResolver {

    /** Go's uuid.Parse as Coder's middleware meets it: the canonical 36-character form (UUID.fromString is laxer). */
    private static final Pattern CANONICAL_UUID =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private final CurrentSession session;

    public UserParamResolver(CurrentSession session) {
        this.session = session;
    }

    /** Whether the parameter names the caller ({@code me}). */
    public static boolean isMe(String param) {
        return "me".equals(param);
    }

    /**
     * The target user, readable by the caller; else 404 with Coder's standard body. A read outside the
     * service's transaction: a lost connection reads once more instead of answering 500.
     */
    @RetriesLostConnection
    public User resolve(String param) {
        return resolveNow(param);
    }

    /** The {@code {user}} of a write, for its service to resolve in its own transaction. */
    public UserTarget target(String param) {
        return UserTarget.of(param, this);
    }

    /** {@link UserTarget#resolve}: the same rules, read in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    User resolveInTransaction(String param) {
        return resolveNow(param);
    }

    /**
     * The target as a managed entity of the current transaction, for a service that changes its row: itself when
     * it was read in this transaction, else (the session's snapshot of {@code me}) read again.
     */
    public static User managed(User target) {
        if (User.getEntityManager().contains(target)) {
            return target;
        }
        return User.<User>findByIdOptional(target.id).orElseThrow(ApiException::resourceNotFound);
    }

    private User resolveNow(String param) {
        if (isMe(param)) {
            // The session's own user, as the authentication of this very request read (and refreshed) it:
            // reading it again would cost a second query on most requests.
            return session.get().principal(User.class);
        }
        Actor actor = session.actor();
        User user = find(param).orElseThrow(ApiException::resourceNotFound);
        if (!Permissions.canReadUser(actor, user.id)) {
            throw ApiException.resourceNotFound();
        }
        return user;
    }

    private static Optional<User> find(String param) {
        if (param == null || param.isEmpty()) {
            return Optional.empty();
        }
        Optional<UUID> id = parseUuid(param);
        if (id.isPresent()) {
            return User.findByIdIncludingDeleted(id.get());
        }
        return User.findByUsername(param);
    }

    private static Optional<UUID> parseUuid(String text) {
        if (!CANONICAL_UUID.matcher(text).matches()) {
            return Optional.empty();
        }
        return Optional.of(UUID.fromString(text));
    }
}
