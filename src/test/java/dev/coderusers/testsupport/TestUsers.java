package dev.coderusers.testsupport;

import dev.coderusers.apikey.ApiKeyService;
import dev.coderusers.organization.Organization;
import dev.coderusers.security.PasswordHasher;
import dev.coderusers.user.LoginType;
import dev.coderusers.user.NewUser;
import dev.coderusers.user.User;
import dev.coderusers.user.UserService;
import dev.coderusers.user.UserStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Test fixtures: users with roles and ready-made session tokens, created through the same service code as
 * the API (so they get SSH keys and memberships) but without HTTP round trips or login rate limits.
 */
@ApplicationScoped
public class TestUsers {

    /** The password every fixture user has; strong enough for Coder's policy. */
    public static final String PASSWORD = "SomeSecurePassword!";

    private final UserService users;
    private final ApiKeyService apiKeys;
    private final PasswordHasher hasher;
    private final EntityManager entityManager;
    private String passwordHash;

    public TestUsers(UserService users, ApiKeyService apiKeys, PasswordHasher hasher, EntityManager entityManager) {
        this.users = users;
        this.apiKeys = apiKeys;
        this.hasher = hasher;
        this.entityManager = entityManager;
    }

    /** A user and a session token for it. */
    public record TestUser(UUID id, String username, String email, String token) {}

    /** Removes every user except system users (their keys, links, settings and memberships cascade). */
    @Transactional
    public void deleteAll() {
        entityManager.createNativeQuery("DELETE FROM users WHERE NOT is_system").executeUpdate();
    }

    /** An active password user with the given site roles, in the default organization, with a 24 h session. */
    @Transactional
    public TestUser create(String username, String... siteRoles) {
        return create(username, UserStatus.ACTIVE, siteRoles);
    }

    @Transactional
    public TestUser create(String username, UserStatus status, String... siteRoles) {
        User user = users.insert(new NewUser(
                username + "@example.com",
                username,
                "",
                "",
                passwordHash(),
                LoginType.PASSWORD,
                status,
                List.of(siteRoles),
                List.of(Organization.findDefault().id),
                false,
                null));
        String token = apiKeys.createSession(user.id, LoginType.PASSWORD, Duration.ofHours(24), "127.0.0.1")
                .token();
        return new TestUser(user.id, user.username, user.email, token);
    }

    /**
     * One caller for each role of the permission matrix the endpoint tests go through, keyed by role: owner,
     * user-admin, template-admin and auditor (users named after the role, without the hyphen), and member (no
     * site role).
     */
    @Transactional
    public Map<String, TestUser> oneOfEachRole() {
        return Map.of(
                "owner", create("owner", "owner"),
                "user-admin", create("useradmin", "user-admin"),
                "template-admin", create("templateadmin", "template-admin"),
                "auditor", create("auditor", "auditor"),
                "member", create("member"));
    }

    /** A new session token for an existing user. */
    @Transactional
    public String newSession(UUID userId) {
        return apiKeys.createSession(userId, LoginType.PASSWORD, Duration.ofHours(24), "127.0.0.1")
                .token();
    }

    private synchronized String passwordHash() {
        if (passwordHash == null) {
            passwordHash = hasher.hash(PASSWORD);
        }
        return passwordHash;
    }
}
