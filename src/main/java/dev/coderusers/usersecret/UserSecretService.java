package dev.coderusers.usersecret;

import dev.coderusers.api.ApiError;
import dev.coderusers.api.ApiException;
import dev.coderusers.api.CoderJson;
import dev.coderusers.api.DatabaseConstraints;
import dev.coderusers.api.RequestBodies;
import dev.coderusers.api.ValidationError;
import dev.coderusers.role.Action;
import dev.coderusers.role.Permissions;
import dev.coderusers.role.Resource;
import dev.coderusers.role.Target;
import dev.coderusers.security.Actor;
import dev.coderusers.user.User;
import dev.coderusers.user.UserTarget;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A user's secrets (Coder's coderd/usersecrets.go): only the user itself reaches them, values are encrypted by
 * {@link SecretCipher} before they are written and never leave the service, and each user keeps to Coder's
 * limits (50 secrets, 200 KiB of stored values, 24 KiB of them in the environment).
 */
@ApplicationScoped
public class UserSecretService {

    static final String VALIDATION_FAILED = "Validation failed.";

    /** The unique index behind each field, and Coder's words for a clash on it. */
    private static final Map<String, String> UNIQUE_INDEXES = Map.of(
            "name", "user_secrets_user_name_idx",
            "env_name", "user_secrets_user_env_name_idx",
            "file_path", "user_secrets_user_file_path_idx");

    private static final Map<String, String> IN_USE = Map.of(
            "name", "Name is already in use.",
            "env_name", "Environment variable name is already in use.",
            "file_path", "File path is already in use.");

    private final SecretCipher cipher;
    private final Clock clock;
    private final EntityManager entityManager;

    public UserSecretService(SecretCipher cipher, EntityManager entityManager, Clock clock) {
        this.clock = clock;
        this.cipher = cipher;
        this.entityManager = entityManager;
    }

    @Transactional
    public List<UserSecretResponse> list(Actor actor, User target) {
        requireSecrets(actor, target, Action.READ);
        return UserSecret.listOf(target.id).stream().map(UserSecretResponse::of).toList();
    }

    @Transactional
    public UserSecretResponse get(Actor actor, User target, String name) {
        requireSecrets(actor, target, Action.READ);
        return UserSecretResponse.of(find(target, name));
    }

    @Transactional
    public UserSecretResponse create(Actor actor, UserTarget targetParam, CreateUserSecretRequest body) {
        User target = targetParam.resolve();
        requireSecrets(actor, target, Action.CREATE);
        CreateUserSecretRequest request = RequestBodies.present(body);
        List<ValidationError> problems = UserSecretRules.create(request);
        if (!problems.isEmpty()) {
            throw ApiException.badRequest(VALIDATION_FAILED, problems);
        }
        lockSecretsOf(target.id);
        requireUnused(target.id, null, request.name(), request.envName(), request.filePath());
        UserSecret secret = new UserSecret();
        secret.id = UUID.randomUUID();
        secret.userId = target.id;
        secret.name = request.name();
        secret.description = UserSecretRules.orEmpty(request.description());
        secret.envName = UserSecretRules.orEmpty(request.envName());
        secret.filePath = UserSecretRules.orEmpty(request.filePath());
        seal(secret, request.value());
        secret.createdAt = CoderJson.now(clock);
        secret.updatedAt = secret.createdAt;
        requireWithinLimits(secret, true);
        secret.persist();
        flush();
        return UserSecretResponse.of(secret);
    }

    @Transactional
    public UserSecretResponse update(Actor actor, UserTarget targetParam, String name, UpdateUserSecretRequest body) {
        User target = targetParam.resolve();
        requireSecrets(actor, target, Action.UPDATE);
        UpdateUserSecretRequest request = RequestBodies.present(body);
        if (request.hasNoField()) {
            throw ApiException.badRequest("At least one field must be provided.");
        }
        List<ValidationError> problems = UserSecretRules.update(request);
        if (!problems.isEmpty()) {
            throw ApiException.badRequest(VALIDATION_FAILED, problems);
        }
        lockSecretsOf(target.id);
        UserSecret secret = find(target, name);
        requireUnused(target.id, secret.id, null, request.envName(), request.filePath());
        if (request.value() != null) {
            seal(secret, request.value());
        }
        if (request.description() != null) {
            secret.description = request.description();
        }
        if (request.envName() != null) {
            secret.envName = request.envName();
        }
        if (request.filePath() != null) {
            secret.filePath = request.filePath();
        }
        secret.updatedAt = CoderJson.now(clock);
        requireWithinLimits(secret, false);
        flush();
        return UserSecretResponse.of(secret);
    }

    @Transactional
    public void delete(Actor actor, UserTarget targetParam, String name) {
        User target = targetParam.resolve();
        requireSecrets(actor, target, Action.DELETE);
        find(target, name).delete();
    }

    /**
     * The policy's {@code user_secret} grant: only the user itself, as a secret is for the user's own workspaces,
     * and not even an owner may read or change another user's (Coder's policy grants user_secret to no site role).
     * Others get the 404 of a resource they cannot see.
     */
    private static void requireSecrets(Actor actor, User target, Action action) {
        if (!Permissions.can(actor, Resource.USER_SECRET, action, Target.user(target.id))) {
            throw ApiException.resourceNotFound();
        }
    }

    private static UserSecret find(User target, String name) {
        return UserSecret.findByName(target.id, name).orElseThrow(ApiException::resourceNotFound);
    }

    private void seal(UserSecret secret, String value) {
        SecretCipher.Encrypted encrypted = cipher.encrypt(secret.id, value);
        secret.value = encrypted.value();
        secret.valueKeyId = encrypted.keyId();
    }

    /** Serialises the writes of one user's secrets, so that the limits and uniqueness hold under concurrency. */
    private void lockSecretsOf(UUID userId) {
        entityManager
                .createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended('user_secrets:' || ?1, 0))")
                .setParameter(1, userId.toString())
                .getSingleResult();
    }

    /** Every field that clashes with another secret of the user: 409, all of them at once. */
    private static void requireUnused(UUID userId, UUID self, String name, String envName, String filePath) {
        List<ValidationError> clashes = new ArrayList<>();
        if (name != null && taken(userId, self, "name", name)) {
            clashes.add(new ValidationError("name", IN_USE.get("name")));
        }
        if (envName != null && !envName.isEmpty() && taken(userId, self, "envName", envName)) {
            clashes.add(new ValidationError("env_name", IN_USE.get("env_name")));
        }
        if (filePath != null && !filePath.isEmpty() && taken(userId, self, "filePath", filePath)) {
            clashes.add(new ValidationError("file_path", IN_USE.get("file_path")));
        }
        if (!clashes.isEmpty()) {
            throw new ApiException(409, ApiError.of(VALIDATION_FAILED, clashes));
        }
    }

    private static boolean taken(UUID userId, UUID self, String field, String value) {
        return self == null
                ? UserSecret.count("userId = ?1 and " + field + " = ?2", userId, value) > 0
                : UserSecret.count("userId = ?1 and " + field + " = ?2 and id <> ?3", userId, value, self) > 0;
    }

    /** Coder's per-user limits, on stored (encrypted) bytes as Coder measures them. */
    private void requireWithinLimits(UserSecret secret, boolean isNew) {
        Object[] others = (Object[]) entityManager
                .createNativeQuery("SELECT count(*), coalesce(sum(octet_length(value)), 0),"
                        + " coalesce(sum(octet_length(value)) FILTER (WHERE env_name <> ''), 0)"
                        + " FROM user_secrets WHERE user_id = ?1 AND id <> ?2")
                .setParameter(1, secret.userId)
                .setParameter(2, secret.id)
                .getSingleResult();
        long count = ((Number) others[0]).longValue() + 1;
        long total = ((Number) others[1]).longValue() + secret.value.length;
        long env = ((Number) others[2]).longValue() + (secret.envName.isEmpty() ? 0 : secret.value.length);
        if (isNew && count > UserSecretRules.MAX_SECRETS_PER_USER) {
            throw ApiException.badRequest(
                    "User secrets limit reached.",
                    "Each user can have at most " + UserSecretRules.MAX_SECRETS_PER_USER + " secrets.");
        }
        if (total > UserSecretRules.MAX_TOTAL_STORED_BYTES) {
            throw ApiException.badRequest(
                    "User secrets value-bytes limit reached.",
                    "Stored bytes of your secret values exceed the per-user budget ("
                            + UserSecretRules.MAX_TOTAL_STORED_BYTES + " bytes after encryption). Reduce the size or"
                            + " number of your secrets.");
        }
        if (env > UserSecretRules.MAX_ENV_STORED_BYTES) {
            throw ApiException.badRequest(
                    "Environment-injected user secrets bytes limit reached.",
                    "Stored bytes of env-injected secret values exceed the per-user budget ("
                            + UserSecretRules.MAX_ENV_STORED_BYTES + " bytes after encryption). Clear env_name on"
                            + " large secrets or use file_path instead.");
        }
    }

    /** Writes now, so that a clash lost to a concurrent request is the same 409 as the check before. */
    private void flush() {
        try {
            entityManager.flush();
        } catch (PersistenceException e) {
            for (Map.Entry<String, String> index : UNIQUE_INDEXES.entrySet()) {
                if (DatabaseConstraints.violated(e, index.getValue())) {
                    throw new ApiException(
                            409,
                            ApiError.of(
                                    VALIDATION_FAILED,
                                    List.of(new ValidationError(index.getKey(), IN_USE.get(index.getKey())))));
                }
            }
            throw e;
        }
    }
}
