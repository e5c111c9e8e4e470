package dev.coderusers.apikey;

import dev.coderusers.api.ApiException;
import dev.coderusers.api.CoderJson;
import dev.coderusers.api.DatabaseConstraints;
import dev.coderusers.api.GoDuration;
import dev.coderusers.api.GoText;
import dev.coderusers.config.SessionConfig;
import dev.coderusers.role.Action;
import dev.coderusers.role.Permissions;
import dev.coderusers.role.Permissions.Visibility;
import dev.coderusers.role.Resource;
import dev.coderusers.role.Roles;
import dev.coderusers.security.Actor;
import dev.coderusers.security.ClientAddress;
import dev.coderusers.security.SessionTokens;
import dev.coderusers.user.LoginType;
import dev.coderusers.user.PasswordChanged;
import dev.coderusers.user.User;
import dev.coderusers.user.UserTarget;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Issues, lists, expires and deletes API keys (Coder's coderd/apikey.go). A token is returned once, to the
 * caller; only the hash of its secret is stored.
 *
 * <p>Who may act on keys is {@link Permissions#canManageApiKeys}: a user's own keys, and everyone's for
 * owners. Other roles that can see a user (user-admin, auditor, template-admin) cannot create, read,
 * expire or delete that user's keys; where Coder fails such a request with a 500 from its authorization
 * layer, this service answers 403 (creation: the caller can see the user) or 404 (a key the caller may not
 * see, as Coder answers for absent keys).
 */
@ApplicationScoped
public class ApiKeyService {

    /** Coder stores the Unix epoch as {@code last_used} of a key that was never used. */
    static final Instant NEVER_USED = Instant.EPOCH;

    static final String CREATE_FAILED = "Failed to create API key.";
    static final String LIFETIME_INVALID = "Failed to validate create API key request.";

    /** Name of the unique index on (user_id, token_name) among tokens (V6 migration). */
    static final String TOKEN_NAME_INDEX = "api_keys_user_id_token_name_idx";

    /** Generated names are random; a few attempts make a clash with an existing token vanishingly rare. */
    private static final int NAME_ATTEMPTS = 10;

    private final SessionConfig config;
    private final Clock clock;
    private final ApiKeyMetrics metrics;

    public ApiKeyService(SessionConfig config, ApiKeyMetrics metrics, Clock clock) {
        this.clock = clock;
        this.config = config;
        this.metrics = metrics;
    }

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
        Instant now = CoderJson.now(clock);
        ApiKey key = new ApiKey();
        key.id = token.id();
        key.hashedSecret = token.hashedSecret();
        key.userId = spec.userId();
        key.loginType = spec.loginType();
        // Sub-second lifetimes are possible for tokens; the column holds whole seconds and must be positive.
        key.lifetimeSeconds = Math.max(1, spec.lifetime().toSeconds());
        // PostgreSQL keeps microseconds; truncating here keeps the entity equal to the stored row.
        key.expiresAt = now.plus(spec.lifetime()).truncatedTo(ChronoUnit.MICROS);
        key.lastUsed = NEVER_USED;
        key.createdAt = now;
        key.updatedAt = now;
        key.ipAddress = spec.ipAddress();
        key.tokenName = spec.tokenName() == null ? "" : spec.tokenName();
        key.scopes = spec.scopes().isEmpty() ? List.of(ApiKey.SCOPE_ALL) : List.copyOf(spec.scopes());
        key.allowList = spec.allowList().isEmpty() ? List.of(ApiKey.ALLOW_ALL) : List.copyOf(spec.allowList());
        key.persist();
        metrics.created(key.loginType);
        return new IssuedKey(key, token.token());
    }

    /** A session for a sign-in: the default scope and allow list, no token name. */
    @Transactional
    public IssuedKey createSession(UUID userId, LoginType loginType, Duration lifetime, String ipAddress) {
        return create(new KeySpec(userId, loginType, lifetime, "", List.of(), List.of(), ipAddress));
    }

    /**
     * {@code POST /users/{user}/keys}: a password-type key with the default token lifetime, as the CLI's
     * login uses it.
     */
    @Transactional
    public GenerateApiKeyResponse createSessionKey(Actor actor, UserTarget targetParam, String ipAddress) {
        User target = targetParam.resolve();
        checkMayCreate(actor, target);
        IssuedKey issued = createSession(target.id, LoginType.PASSWORD, config.defaultTokenLifetime(), ipAddress);
        return new GenerateApiKeyResponse(issued.token());
    }

    /** {@code POST /users/{user}/keys/tokens}, with Coder's checks in Coder's order. */
    @Transactional
    public GenerateApiKeyResponse createToken(Actor actor, UserTarget targetParam, CreateTokenRequest request) {
        User target = targetParam.resolve();
        // Coder rejects a malformed allow-list entry while decoding the body, before anything else.
        List<AllowList.Entry> allowEntries = AllowList.parse(request.allowList());
        checkMayCreate(actor, target);
        List<String> scopes = tokenScopes(request.scope(), request.scopes());
        List<String> allowList = AllowList.normalize(allowEntries);
        Duration lifetime = tokenLifetime(target, request.lifetime() == null ? 0 : request.lifetime());
        String name = tokenName(target.id, request.tokenName());
        try {
            IssuedKey issued = create(
                    new KeySpec(target.id, LoginType.TOKEN, lifetime, name, scopes, allowList, ClientAddress.UNKNOWN));
            ApiKey.getEntityManager().flush();
            return new GenerateApiKeyResponse(issued.token());
        } catch (PersistenceException e) {
            // A concurrent request took the name between the check and the insert.
            if (DatabaseConstraints.violated(e, TOKEN_NAME_INDEX)) {
                throw duplicateName(name);
            }
            throw e;
        }
    }

    /**
     * {@code GET /users/{user}/keys/tokens}: the tokens (login type token) of {@code target}, or with
     * {@code includeAll} of every user, of those the caller may read; expired ones only on request. Oldest
     * first. What the caller may read is the policy's scope for reading keys, applied in the query: all keys
     * (owners), or the caller's own.
     */
    @Transactional
    public List<ApiKeyWithOwner> listTokens(Actor actor, User target, boolean includeExpired, boolean includeAll) {
        Visibility readable = Permissions.visibility(actor, Resource.API_KEY, Action.READ);
        // Whose keys the query is about: the target's, or with includeAll nobody's in particular (all may be read)
        // or the caller's own (only they may be read).
        UUID owner = includeAll ? readable.user() : target.id;
        if (!readable.all() && (owner == null || !readable.includesUser(owner))) {
            return List.of();
        }
        StringBuilder query = new StringBuilder("loginType = :type");
        Map<String, Object> params = new HashMap<>();
        params.put("type", LoginType.TOKEN);
        if (owner != null) {
            query.append(" and userId = :user");
            params.put("user", owner);
        }
        if (!includeExpired) {
            query.append(" and expiresAt > :now");
            params.put("now", CoderJson.now(clock));
        }
        query.append(" order by createdAt, id");
        List<ApiKey> keys = ApiKey.list(query.toString(), params);
        Set<UUID> userIds = keys.stream().map(key -> key.userId).collect(Collectors.toSet());
        Map<UUID, String> usernames = userIds.isEmpty()
                ? Map.of()
                : User.<User>list("id in ?1", userIds).stream()
                        .collect(Collectors.toMap(user -> user.id, user -> user.username));
        return keys.stream()
                .map(key -> ApiKeyWithOwner.of(ApiKeyResponse.of(key), usernames.getOrDefault(key.userId, "")))
                .toList();
    }

    /** {@code GET /users/{user}/keys/tokens/{keyname}}: the key of that name (any login type) of that user. */
    @Transactional
    public ApiKeyResponse byName(Actor actor, User target, String tokenName) {
        return ApiKey.<ApiKey>find("userId = ?1 and tokenName = ?2 order by createdAt, id", target.id, tokenName)
                .firstResultOptional()
                .filter(key -> Permissions.canManageApiKeys(actor, key.userId))
                .map(ApiKeyResponse::of)
                .orElseThrow(ApiException::resourceNotFound);
    }

    /** {@code GET /users/{user}/keys/{keyid}}: any user's key, as Coder ignores the user in the path. */
    @Transactional
    public ApiKeyResponse byId(Actor actor, String keyId) {
        return ApiKeyResponse.of(manageable(actor, keyId));
    }

    /** {@code DELETE /users/{user}/keys/{keyid}}: expired keys can be deleted too. */
    @Transactional
    public void delete(Actor actor, String keyId) {
        ApiKey key = manageable(actor, keyId);
        key.delete();
        metrics.deleted(key.loginType, 1);
    }

    /**
     * A sign-out: deletes the session's own key and the user's application-connect keys (Coder's postLogout);
     * the user's other sessions and tokens stay valid.
     */
    @Transactional
    public void signOut(String sessionKeyId, UUID userId) {
        ApiKey.deleteCounted(
                "id = ?1 OR (user_id = ?2 AND ?3 = ANY (scopes))",
                sessionKeyId,
                userId,
                ApiKey.SCOPE_APPLICATION_CONNECT);
    }

    /** A password change or reset ends all the user's sessions and tokens, in the transaction that changed it. */
    @Transactional(Transactional.TxType.MANDATORY)
    void onPasswordChanged(@Observes PasswordChanged changed) {
        ApiKey.deleteByUser(changed.userId());
    }

    /** A login conversion ends the user's password sessions, in the converting transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void endPasswordSessions(UUID userId) {
        ApiKey.deleteByUserAndLoginType(userId, LoginType.PASSWORD);
    }

    /**
     * {@code PUT /users/{user}/keys/{keyid}/expire}: the key expires now; one that has expired already
     * keeps its expiry, so the call can be repeated.
     */
    @Transactional
    public void expire(Actor actor, String keyId) {
        ApiKey key = manageable(actor, keyId);
        Instant now = CoderJson.now(clock);
        if (key.expiresAt.isAfter(now)) {
            key.expiresAt = now;
        }
    }

    /** {@code GET /users/{user}/keys/tokens/tokenconfig}. */
    public TokenConfig tokenConfig(User target) {
        return new TokenConfig(maxTokenLifetime(target).toNanos());
    }

    /**
     * The longest lifetime {@code target} may ask for a token. Owners are capped lower than everyone else
     * (Coder's {@code getMaxTokenLifetime}: by default 7 days against 100 years), as their tokens can do most.
     */
    Duration maxTokenLifetime(User target) {
        return target.hasSiteRole(Roles.OWNER) ? config.maxAdminTokenLifetime() : config.maxTokenLifetime();
    }

    private void checkMayCreate(Actor actor, User target) {
        // System users (e.g. prebuilds) act only inside the server; nobody may hold a key for them.
        if (target.isSystem) {
            throw ApiException.forbidden();
        }
        // A user deleted after the path was resolved by id: Coder's insert trigger fails (500); no such user.
        if (target.deleted) {
            throw ApiException.resourceNotFound();
        }
        // The caller can see the target (else the path resolved to 404) but may not hold its keys.
        if (!Permissions.canManageApiKeys(actor, target.id)) {
            throw ApiException.forbidden();
        }
    }

    /**
     * The scopes to store: {@code scopes} if given, else the legacy {@code scope}, else {@code coder:all};
     * each must be an external scope; aliases take their {@code coder:} names; duplicates are dropped.
     */
    static List<String> tokenScopes(String scope, List<String> scopes) {
        List<String> requested;
        if (scopes != null && !scopes.isEmpty()) {
            requested = scopes;
        } else if (scope != null && !scope.isEmpty()) {
            requested = List.of(scope);
        } else {
            return List.of(ApiKey.SCOPE_ALL);
        }
        Set<String> canonical = new LinkedHashSet<>();
        for (String name : requested) {
            String value = name == null ? "" : name;
            if (!ApiKeyScopes.isExternal(value)) {
                throw ApiException.badRequest(
                        CREATE_FAILED, "invalid or unsupported API key scope: " + GoText.quote(value));
            }
            canonical.add(ApiKeyScopes.canonical(value));
        }
        return List.copyOf(canonical);
    }

    /** A requested lifetime in nanoseconds: 0 means the default; otherwise positive and within the cap. */
    Duration tokenLifetime(User target, long nanos) {
        if (nanos == 0) {
            return config.defaultTokenLifetime();
        }
        if (nanos < 0) {
            throw ApiException.badRequest(LIFETIME_INVALID, "lifetime must be positive number greater than 0");
        }
        Duration max = maxTokenLifetime(target);
        if (nanos > max.toNanos()) {
            throw ApiException.badRequest(
                    LIFETIME_INVALID, "lifetime must be less than " + GoDuration.format(max.toNanos()));
        }
        return Duration.ofNanos(nanos);
    }

    private static String tokenName(UUID userId, String requested) {
        if (requested != null && !requested.isEmpty()) {
            if (tokenNameTaken(userId, requested)) {
                throw duplicateName(requested);
            }
            return requested;
        }
        String name = TokenNames.generate();
        for (int attempt = 1; attempt < NAME_ATTEMPTS && tokenNameTaken(userId, name); attempt++) {
            name = TokenNames.generate();
        }
        return name;
    }

    private static boolean tokenNameTaken(UUID userId, String name) {
        return ApiKey.count("userId = ?1 and loginType = ?2 and tokenName = ?3", userId, LoginType.TOKEN, name) > 0;
    }

    private static ApiException duplicateName(String name) {
        return ApiException.conflict(
                "A token with name " + GoText.quote(name) + " already exists.",
                "name",
                "This value is already in use and should be unique.");
    }

    /** A key the caller may act on; absent and not-yours answer alike, so key ids do not leak. */
    private static ApiKey manageable(Actor actor, String keyId) {
        return ApiKey.findByKeyId(keyId)
                .filter(key -> Permissions.canManageApiKeys(actor, key.userId))
                .orElseThrow(ApiException::resourceNotFound);
    }
}
