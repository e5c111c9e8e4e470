package dev.coderusers.apikey;

import dev.coderusers.api.CoderJson;
import dev.coderusers.config.SessionConfig;
import dev.coderusers.role.Roles;
import dev.coderusers.security.Actor;
import dev.coderusers.security.Session;
import dev.coderusers.security.SessionAuthentication;
import dev.coderusers.security.SessionTokens;
import dev.coderusers.security.UnauthenticatedException;
import dev.coderusers.user.User;
import dev.coderusers.user.UserStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Checks a session token the way Coder's API key middleware does, and applies its side effects: the key's
 * {@code last_used} (at most hourly) and sliding expiry, the user's {@code last_seen_at}, and the
 * activation of a dormant user on first use.
 *
 * <p>Every authenticated request comes through here, so it costs one read-only statement without a transaction
 * ({@link SessionStore#find}); a second statement writes only when the hourly refresh or an activation is due.
 * It lives with the keys it reads and implements {@code security}'s interface, so that the request filters need
 * not know this package.
 */
@ApplicationScoped
public class SessionAuthenticator implements SessionAuthentication {

    /** Coder refreshes {@code last_used} and the expiry at most once an hour per key, to spare writes. */
    static final Duration REFRESH_INTERVAL = Duration.ofHours(1);

    private final SessionConfig config;
    private final Clock clock;
    private final SessionStore store;

    public SessionAuthenticator(SessionConfig config, SessionStore store, Clock clock) {
        this.clock = clock;
        this.config = config;
        this.store = store;
    }

    @Override
    public Session authenticate(String token, String remoteIp) {
        SessionTokens.ParsedToken parsed = SessionTokens.parse(token);
        SessionStore.StoredKey stored =
                store.find(parsed.id()).orElseThrow(() -> UnauthenticatedException.signedOut("API key is invalid."));
        ApiKey key = stored.key();
        requireSecret(key, parsed);
        Instant now = CoderJson.now(clock);
        if (key.expiresAt.isBefore(now)) {
            throw UnauthenticatedException.signedOut(
                    "API key expired at \"" + CoderJson.goString(key.expiresAt) + "\".");
        }
        if (stored.providerLinkMissing()) {
            throw UnauthenticatedException.signedOut("You must re-authenticate with the login provider.");
        }
        User user = stored.user();
        if (user == null || user.deleted) {
            throw UnauthenticatedException.signedOut("API key is invalid.");
        }
        boolean activate = user.status == UserStatus.DORMANT;
        if (!activate && user.status != UserStatus.ACTIVE) {
            // Nothing is written for a refused request.
            throw UnauthenticatedException.inactive(user.status.value());
        }

        SessionStore.Refresh refresh = refreshDue(key, now, remoteIp);
        if (refresh != null || activate) {
            store.recordUse(key, refresh, activate, now);
        }
        // The session shows the rows as this request left them.
        if (refresh != null) {
            key.lastUsed = refresh.lastUsed();
            key.ipAddress = refresh.ipAddress();
            key.expiresAt = refresh.expiresAt();
            key.updatedAt = now;
        }
        user.showRecordedUse(refresh != null, activate, now);
        return new Session(user, key.id, actorOf(user, stored.memberships()), organizationIdsOf(stored.memberships()));
    }

    @Override
    public Optional<TokenHolder> holder(String token) {
        SessionStore.StoredKey stored;
        try {
            SessionTokens.ParsedToken parsed = SessionTokens.parse(token);
            stored = store.find(parsed.id())
                    .orElseThrow(() -> UnauthenticatedException.signedOut("API key is invalid."));
            requireSecret(stored.key(), parsed);
        } catch (UnauthenticatedException invalid) {
            return Optional.empty();
        }
        // The same one read-only statement as authenticate, outside any transaction, and no side effects.
        if (!stored.key().expiresAt.isAfter(CoderJson.now(clock))) {
            return Optional.empty();
        }
        return Optional.ofNullable(stored.user())
                .filter(u -> !u.deleted)
                .map(u -> new TokenHolder(u.id, u.hasSiteRole(Roles.OWNER)));
    }

    private static void requireSecret(ApiKey key, SessionTokens.ParsedToken parsed) {
        // Constant-time comparison: the hash of a wrong secret must not tell how much of it was right.
        if (!MessageDigest.isEqual(key.hashedSecret, SessionTokens.hash(parsed.secret()))) {
            throw UnauthenticatedException.signedOut("API key secret is invalid.");
        }
    }

    /**
     * The roles of a user, for authorization decisions: its site roles and its explicit roles in every
     * organization it is a member of.
     */
    private static Actor actorOf(User user, List<SessionStore.Membership> memberships) {
        Map<UUID, List<String>> organizationRoles = new HashMap<>();
        for (SessionStore.Membership membership : memberships) {
            organizationRoles.put(membership.organizationId(), membership.roles());
        }
        return new Actor(user.id, Set.copyOf(user.rbacRoles), Map.copyOf(organizationRoles));
    }

    /** The organizations the Users API shows for the user: memberships of organizations not deleted, in order. */
    private static List<UUID> organizationIdsOf(List<SessionStore.Membership> memberships) {
        return memberships.stream()
                .filter(membership -> !membership.organizationDeleted())
                .map(SessionStore.Membership::organizationId)
                .toList();
    }

    /** The key's new values when its hourly refresh is due, else {@code null}. */
    private SessionStore.Refresh refreshDue(ApiKey key, Instant now, String remoteIp) {
        boolean due = false;
        Instant lastUsed = key.lastUsed;
        String ipAddress = key.ipAddress;
        Instant expiresAt = key.expiresAt;
        if (Duration.between(key.lastUsed, now).compareTo(REFRESH_INTERVAL) > 0) {
            lastUsed = now;
            ipAddress = remoteIp;
            due = true;
        }
        Duration lifetime = Duration.ofSeconds(key.lifetimeSeconds);
        // Sliding expiry, for every kind of key (long-lived tokens too, as in Coder): once an hour of the
        // lifetime has been used, push the expiry back to a full lifetime from now.
        if (!config.disableExpiryRefresh()
                && Duration.between(now, key.expiresAt).compareTo(lifetime.minus(REFRESH_INTERVAL)) <= 0) {
            expiresAt = now.plus(lifetime);
            due = true;
        }
        return due ? new SessionStore.Refresh(lastUsed, ipAddress, expiresAt) : null;
    }
}
