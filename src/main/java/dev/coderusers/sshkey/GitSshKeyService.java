package dev.coderusers.sshkey;

import dev.coderusers.api.ApiException;
import dev.coderusers.api.CoderJson;
import dev.coderusers.role.Permissions;
import dev.coderusers.security.Actor;
import dev.coderusers.user.User;
import dev.coderusers.user.UserCreated;
import dev.coderusers.user.UserTarget;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * A user's git SSH key (Coder's coderd/gitsshkey.go): made with the user, read, and regenerated with the
 * deployment's algorithm.
 *
 * <p>Coder checks {@code read_personal} / {@code update_personal} in its database layer and answers 500 when a
 * caller who may read the user lacks them (auditor, template-admin); here that is 404.
 */
@ApplicationScoped
public class GitSshKeyService {

    private final SshKeyGenerator generator;
    private final Clock clock;

    public GitSshKeyService(SshKeyGenerator generator, Clock clock) {
        this.clock = clock;
        this.generator = generator;
    }

    /** Stores a new key pair for a user that is being created, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    void onUserCreated(@Observes UserCreated created) {
        createFor(created.userId(), created.at());
    }

    private void createFor(UUID userId, Instant now) {
        GeneratedSshKey generated = generator.generate();
        GitSshKey key = new GitSshKey();
        key.userId = userId;
        key.createdAt = now;
        key.updatedAt = now;
        key.privateKey = generated.privateKeyPem();
        key.publicKey = generated.publicKey();
        key.persist();
    }

    /** {@code GET /users/{user}/gitsshkey}. */
    @Transactional
    public GitSshKeyResponse key(Actor actor, User target) {
        Permissions.requireReadPersonal(actor, target.id);
        return GitSshKeyResponse.of(find(target));
    }

    /**
     * {@code PUT /users/{user}/gitsshkey}: a new pair replaces the old one in the same row; {@code created_at}
     * stays, {@code updated_at} is now.
     */
    @Transactional
    public GitSshKeyResponse regenerate(Actor actor, UserTarget targetParam) {
        User target = targetParam.resolve();
        Permissions.requireUpdatePersonal(actor, target.id);
        // Generated before the first statement: the transaction takes no connection while an RSA key is made.
        GeneratedSshKey generated = generator.generate();
        GitSshKey key = find(target);
        key.privateKey = generated.privateKeyPem();
        key.publicKey = generated.publicKey();
        key.updatedAt = CoderJson.now(clock);
        return GitSshKeyResponse.of(key);
    }

    /**
     * Every user gets a key when it is created, so an absent row means the user was made outside this service;
     * answered as absent rather than failing as Coder does.
     */
    private static GitSshKey find(User target) {
        GitSshKey key = GitSshKey.findById(target.id);
        if (key == null) {
            throw ApiException.resourceNotFound();
        }
        return key;
    }
}
