package dev.coderusers.apikey;

import dev.coderusers.api.CoderJson;
import dev.coderusers.security.SessionTokens;
import dev.coderusers.user.LoginType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Issues API keys. The token is returned once, to the caller; only the hash of its secret is stored. */
@ApplicationScoped
public class ApiKeyService {

    /** Coder stores the Unix epoch as {@code last_used} of a key that was never used. */
    static final Instant NEVER_USED = Instant.EPOCH;

    /** What to issue. */
    public record KeySpec(
            UUID userId,
            LoginType loginType,
            Duration lifetime,
            String tokenName,
            List<String> scopes,
            List<String> allowList,
            String ipAddress) {}

    /** A key that was just created, with the token the client must keep (it is never shown again). */
    public record IssuedKey(ApiKey key, String token) {}

    /** Creates a key in the caller's transaction (or a new one). */
    @Transactional
    public IssuedKey create(KeySpec spec) {
        SessionTokens.NewToken token = SessionTokens.generate();
        Instant now = CoderJson.now();
        ApiKey key = new ApiKey();
        key.id = token.id();
        key.hashedSecret = token.hashedSecret();
        key.userId = spec.userId();
        key.loginType = spec.loginType();
        key.lifetimeSeconds = Math.max(1, spec.lifetime().toSeconds());
        key.expiresAt = now.plus(spec.lifetime());
        key.lastUsed = NEVER_USED;
        key.createdAt = now;
        key.updatedAt = now;
        key.ipAddress = spec.ipAddress();
        key.tokenName = spec.tokenName() == null ? "" : spec.tokenName();
        key.scopes = spec.scopes().isEmpty() ? List.of(ApiKey.SCOPE_ALL) : List.copyOf(spec.scopes());
        key.allowList = spec.allowList().isEmpty() ? List.of(ApiKey.ALLOW_ALL) : List.copyOf(spec.allowList());
        key.persist();
        return new IssuedKey(key, token.token());
    }

    /** A session for a sign-in: the default scope and allow list, no token name. */
    @Transactional
    public IssuedKey createSession(UUID userId, LoginType loginType, Duration lifetime, String ipAddress) {
        return create(new KeySpec(userId, loginType, lifetime, "", List.of(), List.of(), ipAddress));
    }
}
