package dev.coderusers.user;

import dev.coderusers.api.ApiException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The changes a sign-in makes to its user's row, written here because {@code user} owns {@code users}: the
 * sign-in services of {@code auth} call these on the user they loaded in their transaction, instead of setting
 * its fields themselves.
 */
public final class SignInUpdates {

    private SignInUpdates() {}

    /**
     * A dormant user who signs in becomes active, as in Coder; {@code seen} also records it as seen now (the
     * password sign-in does, the external ones leave {@code last_seen_at} to the session's first use).
     */
    public static void activateIfDormant(User user, Instant now, boolean seen) {
        if (user.status != UserStatus.DORMANT) {
            return;
        }
        user.status = UserStatus.ACTIVE;
        if (seen) {
            user.lastSeenAt = now;
        }
        user.updatedAt = now;
    }

    /**
     * The provider is the source of truth for avatar, display name and email (enterprises audit by email);
     * the username is never changed, since it may name resources elsewhere. {@code githubComUserId} is null
     * for providers other than GitHub.
     */
    public static void syncProfile(
            User user, String avatarUrl, String name, String email, Long githubComUserId, Instant now) {
        boolean changed = false;
        if (!Objects.equals(user.avatarUrl, avatarUrl)) {
            user.avatarUrl = avatarUrl;
            changed = true;
        }
        if (!Objects.equals(user.name, name)) {
            user.name = name;
            changed = true;
        }
        if (!user.email.equalsIgnoreCase(email)) {
            Optional<User> holder = User.findByEmail(email);
            if (holder.isPresent() && !holder.get().id.equals(user.id)) {
                // Coder fails with 500 on the unique index; the clash is the accounts' state, so 409.
                throw ApiException.conflict(
                        "Another user already has the email \"" + email + "\" given by the provider.");
            }
        }
        if (!user.email.equals(email)) {
            user.email = email;
            changed = true;
        }
        if (githubComUserId != null && !githubComUserId.equals(user.githubComUserId)) {
            user.githubComUserId = githubComUserId;
            changed = true;
        }
        if (changed) {
            user.updatedAt = now;
        }
    }

    /**
     * A completed login conversion: the user signs in with {@code to} from now on. Coder keeps a password only
     * for password users; a reset passcode must not bring one back.
     */
    public static void convertLogin(User user, LoginType to, Instant now) {
        user.loginType = to;
        user.hashedPassword = "";
        user.hashedOneTimePasscode = null;
        user.oneTimePasscodeExpiresAt = null;
        user.updatedAt = now;
    }
}
