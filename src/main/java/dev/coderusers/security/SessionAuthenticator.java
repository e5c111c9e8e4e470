package dev.coderusers.security;

import dev.coderusers.api.CoderJson;
import dev.coderusers.apikey.ApiKey;
import dev.coderusers.auth.UserLink;
import dev.coderusers.config.SessionConfig;
import dev.coderusers.organization.OrganizationMember;
import dev.coderusers.user.LoginType;
import dev.coderusers.user.User;
import dev.coderusers.user.UserStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.security.MessageDigest;
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
 */
@ApplicationScoped
public class SessionAuthenticator {

    /** Coder refreshes {@code last_used} and the expiry at most once an hour per key, to spare writes. */
    static final Duration REFRESH_INTERVAL = Duration.ofHours(1);

    private final SessionConfig config;

    public SessionAuthenticator(SessionConfig config) {
        this.config = config;
    }

    /**
     * @throws UnauthenticatedException with Coder's detail when the token is not a valid session
     */
    @Transactional
    public Session authenticate(String token, String remoteIp) {
        VerifiedKey verified = verifiedKey(token);
        ApiKey key = verified.key();
        Instant now = CoderJson.now();
        if (key.expiresAt.isBefore(now)) {
            throw UnauthenticatedException.signedOut(
                    "API key expired at \"" + CoderJson.goString(key.expiresAt) + "\".");
        }
        if ((key.loginType == LoginType.GITHUB || key.loginType == LoginType.OIDC)
                && UserLink.findFor(key.userId, key.loginType).isEmpty()) {
            throw UnauthenticatedException.signedOut("You must re-authenticate with the login provider.");
        }
        User user = verified.activeUser().orElseThrow(() -> UnauthenticatedException.signedOut("API key is invalid."));

        refresh(key, user, now, remoteIp);

        if (user.status == UserStatus.DORMANT) {
            user.status = UserStatus.ACTIVE;
            user.updatedAt = now;
        }
        if (user.status != UserStatus.ACTIVE) {
            throw UnauthenticatedException.inactive(user.status.value());
        }
        return new Session(user, key, actorOf(user));
    }

    /** A key whose secret matched, and its user as stored ({@code null} when the row is gone). */
    record VerifiedKey(ApiKey key, User user) {

        /** The key's user unless it is gone or deleted. */
        Optional<User> activeUser() {
            return Optional.ofNullable(user).filter(u -> !u.deleted);
        }
    }

    /**
     * The stored key of a well-formed token whose secret matches, whatever its expiry, with its user; no side
     * effects. One query for both: every authenticated request needs the user too.
     *
     * @throws UnauthenticatedException with Coder's detail when the token is malformed, unknown or wrong
     */
    static VerifiedKey verifiedKey(String token) {
        SessionTokens.ParsedToken parsed = SessionTokens.parse(token);
        List<Object[]> rows = ApiKey.getEntityManager()
                .createQuery(
                        "select k, u from ApiKey k left join User u on u.id = k.userId where k.id = :id",
                        Object[].class)
                .setParameter("id", parsed.id())
                .getResultList();
        if (rows.isEmpty()) {
            throw UnauthenticatedException.signedOut("API key is invalid.");
        }
        ApiKey key = (ApiKey) rows.get(0)[0];
        // Constant-time comparison: the hash of a wrong secret must not tell how much of it was right.
        if (!MessageDigest.isEqual(key.hashedSecret, SessionTokens.hash(parsed.secret()))) {
            throw UnauthenticatedException.signedOut("API key secret is invalid.");
        }
        return new VerifiedKey(key, (User) rows.get(0)[1]);
    }

    /**
     * Where clients find this resource server's OAuth metadata ({@code WWW-Authenticate} resource_metadata):
     * under the configured access URL, else under the URL the request came to.
     */
    public String resourceMetadataUrl(URI requestBase) {
        return AccessUrl.base(config.accessUrl(), requestBase) + "/.well-known/oauth-protected-resource";
    }

    /** The roles of a user, for authorization decisions. */
    public static Actor actorOf(User user) {
        Map<UUID, List<String>> organizationRoles = new HashMap<>();
        for (OrganizationMember member : OrganizationMember.findByUser(user.id)) {
            organizationRoles.put(member.organizationId, List.copyOf(member.roles));
        }
        return new Actor(user.id, Set.copyOf(user.rbacRoles), Map.copyOf(organizationRoles));
    }

    private void refresh(ApiKey key, User user, Instant now, String remoteIp) {
        boolean changed = false;
        if (Duration.between(key.lastUsed, now).compareTo(REFRESH_INTERVAL) > 0) {
            key.lastUsed = now;
            key.ipAddress = remoteIp;
            changed = true;
        }
        Duration lifetime = Duration.ofSeconds(key.lifetimeSeconds);
        // Sliding expiry, for every kind of key (long-lived tokens too, as in Coder): once an hour of the
        // lifetime has been used, push the expiry back to a full lifetime from now.
        if (!config.disableExpiryRefresh()
                && Duration.between(now, key.expiresAt).compareTo(lifetime.minus(REFRESH_INTERVAL)) <= 0) {
            key.expiresAt = now.plus(lifetime);
            changed = true;
        }
        if (changed) {
            key.updatedAt = now;
            user.lastSeenAt = now;
            user.updatedAt = now;
        }
    }
}
