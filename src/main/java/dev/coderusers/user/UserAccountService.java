package dev.coderusers.user;

import dev.coderusers.api.ApiError;
import dev.coderusers.api.ApiException;
import dev.coderusers.api.CoderJson;
import dev.coderusers.api.DatabaseConstraints;
import dev.coderusers.api.RequestBodies;
import dev.coderusers.role.Permissions;
import dev.coderusers.role.Roles;
import dev.coderusers.security.Actor;
import dev.coderusers.security.PasswordHasher;
import dev.coderusers.security.PasswordPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;

/**
 * A user's account after creation: profile, password, status and login type (Coder's putUserProfile,
 * putUserPassword, putUserStatus, userLoginType), with Coder's order of checks. The target has already
 * been resolved, and is readable by the caller.
 */
@ApplicationScoped
public class UserAccountService {

    static final String USERNAME_TAKEN = "A user with this username already exists.";

    private final RequestBodies bodies;
    private final PasswordHasher passwords;
    private final PasswordPolicy passwordPolicy;
    private final UserService users;
    private final EntityManager entityManager;
    private final Clock clock;
    private final Event<PasswordChanged> passwordChanged;

    public UserAccountService(
            RequestBodies bodies,
            PasswordHasher passwords,
            PasswordPolicy passwordPolicy,
            UserService users,
            EntityManager entityManager,
            Event<PasswordChanged> passwordChanged,
            Clock clock) {
        this.clock = clock;
        this.bodies = bodies;
        this.passwords = passwords;
        this.passwordPolicy = passwordPolicy;
        this.users = users;
        this.entityManager = entityManager;
        this.passwordChanged = passwordChanged;
    }

    /** {@code PUT /users/{user}/profile}: username and display name (an absent name clears it). */
    @Transactional
    public UserResponse updateProfile(Actor actor, UserTarget targetParam, UpdateUserProfileRequest body) {
        User target = targetParam.resolve();
        UpdateUserProfileRequest request = bodies.read(body);
        // Renaming needs "update", which only owners and user-admins have: members cannot rename themselves.
        // Coder answers 404 here, even to callers who can read the user.
        if (!request.username().equals(target.username) && !Permissions.canUpdateUser(actor)) {
            throw ApiException.resourceNotFound();
        }
        if (!request.username().equals(target.username)) {
            Permissions.requireAdminister(actor, target.rbacRoles, "rename");
        }
        // System users count: their names are reserved.
        Optional<User> holder = User.findByUsername(request.username());
        if (holder.isPresent() && !holder.get().id.equals(target.id)) {
            throw usernameTaken();
        }
        // Coder answers 500 to readers without update_personal (auditors, template-admins) who keep the
        // username; 404 is what it answers for the same permission on every other personal endpoint.
        Permissions.requireUpdatePersonal(actor, target.id);
        User user = UserParamResolver.managed(target);
        user.username = request.username();
        user.name = request.name() == null ? "" : request.name();
        user.updatedAt = CoderJson.now(clock);
        try {
            entityManager.flush();
        } catch (PersistenceException e) {
            // Another request took the name between the check above and this update (unique index).
            if (DatabaseConstraints.violated(e, "users_username_lower_idx")) {
                throw usernameTaken();
            }
            throw e;
        }
        return users.view(user);
    }

    /**
     * {@code PUT /users/{user}/password}, in Coder's order; on success every API key of the target is deleted,
     * the caller's own session included when it changes its own password.
     */
    @Transactional
    public void changePassword(Actor actor, UserTarget targetParam, UpdateUserPasswordRequest body) {
        User target = targetParam.resolve();
        Permissions.requireUpdatePersonal(actor, target.id);
        if (!Permissions.canChangePassword(actor, target.id)) {
            throw new ApiException(
                    403,
                    ApiError.of(
                            "You are not authorized to change this user's password.",
                            "Only owners may change another user's password: the change signs the user out by"
                                    + " deleting all of their API keys."));
        }
        UpdateUserPasswordRequest request = bodies.read(body);
        User user = UserParamResolver.managed(target);
        if (user.loginType != LoginType.PASSWORD) {
            throw ApiException.badRequest("Users without password login type cannot change their password.");
        }
        String oldPassword = request.oldPassword() == null ? "" : request.oldPassword();
        // Owners too must prove they know their own password.
        if (actor.isSelf(user.id) && oldPassword.isEmpty()) {
            throw ApiException.badRequest("Old password is required.");
        }
        Optional<String> weakness = passwordPolicy.problem(request.password());
        if (weakness.isPresent()) {
            throw ApiException.badRequest("Invalid password.", "password", weakness.get());
        }
        if (!oldPassword.isEmpty() && !passwords.verify(oldPassword, user.hashedPassword)) {
            throw ApiException.badRequest("Old password is incorrect.", "old_password", "Old password is incorrect.");
        }
        if (passwords.verify(request.password(), user.hashedPassword)) {
            throw ApiException.badRequest("New password cannot match old password.");
        }
        // Coder leaves updated_at alone on a password change, and clears an outstanding reset passcode.
        user.hashedPassword = passwords.hash(request.password());
        OneTimePasscodeService.clearPasscode(user);
        // Ends all the user's sessions and tokens (apikey, their owner, observes this) in this transaction.
        passwordChanged.fire(new PasswordChanged(user.id));
    }

    /** {@code PUT /users/{user}/status/activate}: from dormant or suspended; idempotent. */
    @Transactional
    public UserResponse activate(Actor actor, UserTarget targetParam) {
        User target = targetParam.resolve();
        return setStatus(actor, UserParamResolver.managed(target), UserStatus.ACTIVE);
    }

    /**
     * {@code PUT /users/{user}/status/suspend}. The two protections come before the permission check, as in
     * Coder; the suspended user's keys stay but stop authenticating.
     */
    @Transactional
    public UserResponse suspend(Actor actor, UserTarget targetParam) {
        User target = targetParam.resolve();
        User user = UserParamResolver.managed(target);
        if (actor.isSelf(user.id)) {
            throw ApiException.badRequest("You cannot suspend yourself.");
        }
        if (user.hasSiteRole(Roles.OWNER)) {
            throw ApiException.badRequest(
                    "You cannot suspend a user with the \"owner\" role. You must remove the role first.");
        }
        // Owners are never suspended (above), so suspension can take no active owner away.
        return setStatus(actor, user, UserStatus.SUSPENDED);
    }

    /** {@code GET /users/{user}/login-type}: only for yourself. */
    public UserLoginTypeResponse loginType(Actor actor, User target) {
        if (!Permissions.canReadLoginType(actor, target.id)) {
            throw ApiException.forbidden("You are not authorized to view this user's login type.");
        }
        return new UserLoginTypeResponse(target.loginType);
    }

    private UserResponse setStatus(Actor actor, User user, UserStatus status) {
        // Coder answers 500 to readers without "update" (auditors, template-admins, members on themselves).
        if (!Permissions.canUpdateUser(actor)) {
            throw ApiException.forbidden();
        }
        user.status = status;
        user.updatedAt = CoderJson.now(clock);
        return users.view(user);
    }

    private static ApiException usernameTaken() {
        return ApiException.conflict(USERNAME_TAKEN, "username", "This username is already in use.");
    }
}
