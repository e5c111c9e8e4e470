package dev.coderusers.security;

import dev.coderusers.api.ApiException;
import dev.coderusers.role.Permissions;
import dev.coderusers.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/**
 * Resolves the {@code {user}} path parameter as Coder's {@code ExtractUserParam} does: {@code me}, a UUID
 * (deleted users included, as Coder's {@code GetUserByID}), or a username (case-insensitive, not deleted).
 * A user the caller may not read answers 404 like an absent one, so that existence does not leak.
 */
@ApplicationScoped
public class UserParamResolver {

    private final CurrentSession session;

    public UserParamResolver(CurrentSession session) {
        this.session = session;
    }

    /** The target user, readable by the caller; else 404 with Coder's standard body. */
    public User resolve(String param) {
        Actor actor = session.actor();
        User user = find(param, actor).orElseThrow(ApiException::resourceNotFound);
        if (!Permissions.canReadUser(actor, user.id)) {
            throw ApiException.resourceNotFound();
        }
        return user;
    }

    private static Optional<User> find(String param, Actor actor) {
        if (param == null || param.isEmpty()) {
            return Optional.empty();
        }
        if (param.equals("me")) {
            return User.findByIdIncludingDeleted(actor.userId());
        }
        Optional<UUID> id = parseUuid(param);
        if (id.isPresent()) {
            return User.findByIdIncludingDeleted(id.get());
        }
        return User.findByUsername(param);
    }

    /** Go's uuid.Parse accepts the canonical 36-character form; java.util.UUID is laxer, so check the shape. */
    public static Optional<UUID> parseUuid(String text) {
        if (text == null
                || !text.matches("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")) {
            return Optional.empty();
        }
        return Optional.of(UUID.fromString(text));
    }
}
