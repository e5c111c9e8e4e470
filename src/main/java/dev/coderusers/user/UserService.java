package dev.coderusers.user;

import dev.coderusers.api.ApiError;
import dev.coderusers.api.ApiException;
import dev.coderusers.api.CoderJson;
import dev.coderusers.api.Pagination;
import dev.coderusers.api.ValidationError;
import dev.coderusers.config.AuthConfig;
import dev.coderusers.database.RetriesLostConnection;
import dev.coderusers.organization.Organization;
import dev.coderusers.organization.OrganizationService;
import dev.coderusers.role.Permissions;
import dev.coderusers.role.Roles;
import dev.coderusers.security.Actor;
import dev.coderusers.security.PasswordHasher;
import dev.coderusers.security.PasswordPolicy;
import dev.coderusers.security.Session;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The rules of creating, listing and deleting users (Coder's coderd/users.go). */
@ApplicationScoped
public class UserService {

    static final UUID NIL_UUID = new UUID(0, 0);

    /** Serialises concurrent first-user requests so that only one owner is ever created this way. */
    private static final long FIRST_USER_LOCK_KEY = 0x4f1e_7a3b_2c9d_0e15L;

    /** Serialises the changes that may take away an active owner (delete, demotion), see requireAnotherOwner. */
    private static final long OWNERS_LOCK_KEY = 0x4f1e_7a3b_2c9d_0e16L;

    private final PasswordHasher passwords;
    private final PasswordPolicy passwordPolicy;
    private final Event<UserCreated> userCreated;
    private final OrganizationService organizations;
    private final AuthConfig authConfig;
    private final UserDirectory directory;
    private final OidcSignInAvailability identityProviders;
    private final Clock clock;
    private final EntityManager entityManager;

    public UserService(
            PasswordHasher passwords,
            PasswordPolicy passwordPolicy,
            Event<UserCreated> userCreated,
            OrganizationService organizations,
            AuthConfig authConfig,
            UserDirectory directory,
            OidcSignInAvailability identityProviders,
            EntityManager entityManager,
            Clock clock) {
        this.clock = clock;
        this.passwords = passwords;
        this.passwordPolicy = passwordPolicy;
        this.userCreated = userCreated;
        this.organizations = organizations;
        this.authConfig = authConfig;
        this.directory = directory;
        this.identityProviders = identityProviders;
        this.entityManager = entityManager;
    }

    /** Whether the initial user exists (system users do not count). */
    @Transactional
    public boolean firstUserExists() {
        return User.countHumans() > 0;
    }

    /**
     * Serialises, until the caller's transaction ends, every path that may create the first user (the
     * first-user setup and sign-ups through an identity provider), so that only one of them makes an owner.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockFirstUserCreation() {
        entityManager
                .createNativeQuery("SELECT pg_advisory_xact_lock(?1)")
                .setParameter(1, FIRST_USER_LOCK_KEY)
                .getSingleResult();
    }

    /** {@code POST /users/first}: the initial user becomes owner and member of the default organization. */
    @Transactional
    public CreateFirstUserResponse createFirstUser(CreateFirstUserRequest request) {
        lockFirstUserCreation();
        if (User.countHumans() > 0) {
            throw ApiException.conflict("The initial user has already been created.");
        }
        requireStrongPassword(request.password(), "Password is invalid");
        if (User.findByUsername(request.username()).isPresent()) {
            // Only a system user's reserved name (e.g. "prebuilds") can clash before the first user exists.
            throw ApiException.conflict("User already exists.");
        }
        Organization defaultOrganization = Organization.findDefault();
        User user = insert(new NewUser(
                request.email(),
                request.username(),
                nullToEmpty(request.name()),
                "",
                passwords.hash(request.password()),
                LoginType.PASSWORD,
                UserStatus.ACTIVE,
                List.of(Roles.OWNER),
                List.of(defaultOrganization.id),
                false,
                null));
        return new CreateFirstUserResponse(user.id, defaultOrganization.id);
    }

    /** {@code POST /users}, with Coder's order of checks (coderd/users.go postUser). */
    @Transactional
    public UserResponse createUser(Actor actor, CreateUserRequest request) {
        // A missing email (required unless service_account) was reported with the other fields by validation.
        boolean serviceAccount = Boolean.TRUE.equals(request.serviceAccount());
        String requestedLoginType = nullToEmpty(request.loginType());
        if (serviceAccount) {
            if (!requestedLoginType.isEmpty() && !requestedLoginType.equals(LoginType.NONE.value())) {
                throw ApiException.badRequest("Service accounts must use login type 'none'.");
            }
            if (!isEmpty(request.password())) {
                throw ApiException.badRequest("Password cannot be set for service accounts.");
            }
            if (!isEmpty(request.email())) {
                throw ApiException.badRequest("Email cannot be set for service accounts.");
            }
            // Service accounts are a Premium feature in Coder; this service has no Premium entitlements.
            throw ApiException.forbidden("Service Accounts is a Premium feature. Contact sales!");
        }
        String loginTypeName = requestedLoginType.isEmpty() ? LoginType.PASSWORD.value() : requestedLoginType;
        if (!loginTypeName.equals(LoginType.PASSWORD.value()) && !isEmpty(request.password())) {
            throw ApiException.badRequest(
                    "Password cannot be set for non-password (\"" + loginTypeName + "\") authentication.");
        }
        if (authConfig.disablePasswordAuth() && loginTypeName.equals(LoginType.PASSWORD.value())) {
            throw ApiException.forbidden(
                    "Password based authentication is disabled! Unable to provision new users with password"
                            + " authentication.");
        }
        List<UUID> requestedOrganizations = new ArrayList<>();
        if (request.organizationIds() != null) {
            requestedOrganizations.addAll(request.organizationIds());
        }
        if (request.organizationId() != null) {
            requestedOrganizations.add(request.organizationId());
        }
        if (requestedOrganizations.isEmpty()) {
            throw new ApiException(
                    400,
                    new ApiError(
                            "No organization specified to place the user as a member of. It is required to specify"
                                    + " at least one organization id to place the user in.",
                            "required at least 1 value for the array 'organization_ids'",
                            List.of(new ValidationError("organization_ids", "Missing values, this cannot be empty"))));
        }
        // Checked before the conflict below so that callers who may not create users learn nothing about
        // who exists (Coder fails with 500 there for callers who cannot read the clashing user).
        if (!Permissions.canCreateUsers(actor)) {
            throw ApiException.forbidden("You are not authorized to create users.");
        }
        if (User.findByUsername(request.username()).isPresent()
                || User.findByEmail(request.email()).isPresent()) {
            throw ApiException.conflict("User already exists.");
        }
        List<UUID> organizationIds = resolveOrganizations(requestedOrganizations);
        LoginType loginType = LoginType.parse(loginTypeName)
                .filter(t ->
                        t == LoginType.PASSWORD || t == LoginType.NONE || t == LoginType.GITHUB || t == LoginType.OIDC)
                .orElseThrow(() -> ApiException.badRequest(
                        "Unsupported login type \"" + loginTypeName + "\" for manually creating new users."));
        String hashedPassword = "";
        switch (loginType) {
            case PASSWORD -> {
                requireStrongPassword(nullToEmpty(request.password()), "Password is invalid");
                hashedPassword = passwords.hash(request.password());
            }
            case OIDC -> {
                if (!identityProviders.oidcConfigured()) {
                    throw ApiException.badRequest("You must configure OIDC before creating OIDC users.");
                }
            }
            default -> {
                // none and github need no more checks (github works even before GitHub is configured).
            }
        }
        UserStatus status = parseStatus(request.userStatus());
        List<String> roles = checkAssignable(actor, request.roles());
        User user = insert(new NewUser(
                request.email(),
                request.username(),
                nullToEmpty(request.name()),
                "",
                hashedPassword,
                loginType,
                status,
                roles,
                organizationIds,
                false,
                null));
        return UserResponse.of(user, organizationIds);
    }

    /**
     * Inserts a user with its git SSH key and organization memberships, in the caller's transaction; the
     * common path of every way a user comes to exist.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public User insert(NewUser spec) {
        Instant now = CoderJson.now(clock);
        User user = new User();
        user.id = UUID.randomUUID();
        user.email = nullToEmpty(spec.email());
        user.username = spec.username();
        user.name = nullToEmpty(spec.name());
        user.avatarUrl = nullToEmpty(spec.avatarUrl());
        user.hashedPassword = nullToEmpty(spec.hashedPassword());
        user.loginType = spec.loginType();
        user.status = spec.status();
        user.rbacRoles = new ArrayList<>(spec.siteRoles());
        user.createdAt = now;
        user.updatedAt = now;
        user.lastSeenAt = CoderJson.ZERO_TIME;
        user.isServiceAccount = spec.serviceAccount();
        user.githubComUserId = spec.githubComUserId();
        user.persist();

        // The user's git SSH key (sshkey observes this), in this transaction.
        userCreated.fire(new UserCreated(user.id, now));
        for (UUID organizationId : spec.organizationIds()) {
            organizations.addMember(organizationId, user.id);
        }
        return user;
    }

    /**
     * {@code GET /users}: the users the caller may read that match the query, one page of them. One read-only
     * statement, outside any transaction (so a lost connection reads once more, see {@link RetriesLostConnection}).
     */
    @RetriesLostConnection
    public GetUsersResponse list(Actor actor, UserFilter filter, Pagination page) {
        UserDirectory.Page result =
                directory.search(filter, page, Permissions.canReadAllUsers(actor) ? null : actor.userId());
        // Coder's list shows null, not [], for a user without memberships; and 0, not the total, for an empty
        // page (e.g. offset past the end), which the search reports as such.
        List<UserResponse> users = result.users().stream()
                .map(listed -> UserResponse.of(listed.user(), listed.organizationIds()))
                .toList();
        return new GetUsersResponse(users, (int) result.total());
    }

    /**
     * {@code GET /users/me}: the caller as this request's authentication read it, memberships included, so no
     * further query.
     */
    public UserResponse view(Session session) {
        return UserResponse.of(session.principal(User.class), session.organizationIds());
    }

    /**
     * {@code GET /users/{user}}, and the answer of every endpoint that changes a user (in that endpoint's
     * transaction; {@code GET} reads without one, and reads once more when its connection was lost).
     */
    @RetriesLostConnection
    public UserResponse view(User user) {
        return UserResponse.of(user, organizations.organizationIdsOf(user.id));
    }

    /** {@code DELETE /users/{user}}: soft delete; a trigger removes the user's API keys and links. */
    @Transactional
    public void delete(Actor actor, UserTarget targetParam) {
        User target = targetParam.resolve();
        if (actor.isSelf(target.id)) {
            throw ApiException.forbidden("You cannot delete yourself!");
        }
        if (!Permissions.canDeleteUsers(actor)) {
            throw ApiException.forbidden();
        }
        Permissions.requireAdminister(actor, target.rbacRoles, "delete");
        requireAnotherActiveOwner(target.id, "delete");
        // This service holds no workspaces, so Coder's 417 "user has workspaces" cannot arise here.
        Instant now = CoderJson.now(clock);
        entityManager
                .createQuery(
                        "update User u set u.deleted = true, u.updatedAt = :now where u.id = :id and u.deleted = false")
                .setParameter("now", now)
                .setParameter("id", target.id)
                .executeUpdate();
    }

    /**
     * Refuses (409) to take the last active owner away: with no owner left, no role can assign {@code owner}
     * again. Active means not deleted, not suspended, not a system user. The check holds an advisory lock
     * until the caller's transaction ends, so two owners deleting or demoting each other at once cannot both
     * succeed. Nothing is checked when {@code target} is not an active owner.
     *
     * @param action what is refused, for the message: "delete", "demote"
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void requireAnotherActiveOwner(UUID target, String action) {
        entityManager
                .createNativeQuery("SELECT pg_advisory_xact_lock(?1)")
                .setParameter(1, OWNERS_LOCK_KEY)
                .getSingleResult();
        Object[] owners = (Object[]) entityManager
                .createNativeQuery("SELECT count(*) FILTER (WHERE id <> ?1), coalesce(bool_or(id = ?1), false)"
                        + " FROM users WHERE NOT deleted AND NOT is_system AND status <> 'suspended'"
                        + " AND 'owner' = ANY(rbac_roles)")
                .setParameter(1, target)
                .getSingleResult();
        boolean targetIsActiveOwner = (Boolean) owners[1];
        if (targetIsActiveOwner && ((Number) owners[0]).longValue() == 0) {
            throw ApiException.conflict("You cannot " + action + " the last active owner: the site would have no"
                    + " owner left, and only an owner can make another. Make another user owner first.");
        }
    }

    private void requireStrongPassword(String password, String message) {
        Optional<String> problem = passwordPolicy.problem(password);
        if (problem.isPresent()) {
            throw ApiException.badRequest(message, "password", problem.get());
        }
    }

    private static List<UUID> resolveOrganizations(List<UUID> requested) {
        LinkedHashSet<UUID> resolved = new LinkedHashSet<>();
        for (UUID id : requested) {
            if (NIL_UUID.equals(id)) {
                resolved.add(Organization.findDefault().id);
                continue;
            }
            Organization organization = Organization.findActive(id)
                    .orElseThrow(() ->
                            ApiException.notFound("Organization does not exist with the provided id \"" + id + "\"."));
            resolved.add(organization.id);
        }
        return List.copyOf(resolved);
    }

    private static UserStatus parseStatus(String status) {
        if (isEmpty(status)) {
            return UserStatus.DORMANT;
        }
        return UserStatus.parse(status)
                .orElseThrow(() -> ApiException.badRequest(
                        "Validation failed.",
                        "user_status",
                        "\"" + status + "\" is not a valid user status; use active, dormant or suspended."));
    }

    /**
     * The site roles a new user gets. Coder answers 500 for unknown or unassignable roles; here they are
     * 400 (unknown) and 403 (not yours to give).
     */
    private static List<String> checkAssignable(Actor actor, List<String> requested) {
        LinkedHashSet<String> roles = new LinkedHashSet<>();
        if (requested != null) {
            for (String role : requested) {
                if (!Roles.isSiteRole(role)) {
                    throw ApiException.badRequest("\"" + role + "\" is not a supported role");
                }
                roles.add(role);
            }
        }
        for (String role : roles) {
            if (!Permissions.canAssign(actor.siteRoles(), role)) {
                throw new ApiException(
                        403,
                        ApiError.of(
                                "You are not authorized to create users.",
                                "not authorized to assign role \"" + role + "\""));
            }
        }
        return List.copyOf(roles);
    }

    private static boolean isEmpty(String value) {
        return value == null || value.isEmpty();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
