package dev.coderusers.user;

import dev.coderusers.api.ApiException;
import dev.coderusers.api.RequestBodies;
import dev.coderusers.organization.OrganizationService;
import dev.coderusers.role.Permissions;
import dev.coderusers.role.Roles;
import dev.coderusers.security.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A user's roles: reading them, and replacing its site roles (Coder's userRoles / putUserRoles). */
@ApplicationScoped
public class UserRoleService {

    private final OrganizationService organizations;
    private final UserService users;

    public UserRoleService(OrganizationService organizations, UserService users) {
        this.organizations = organizations;
        this.users = users;
    }

    /** {@code GET /users/{user}/roles}: personal data, so self, owner and user-admin only (else 404). */
    @Transactional
    public UserRoles roles(Actor actor, User target) {
        Permissions.requireReadPersonal(actor, target.id);
        return new UserRoles(List.copyOf(target.rbacRoles), organizations.organizationRolesOf(target.id));
    }

    /**
     * {@code PUT /users/{user}/roles}: replaces the site roles with the requested set (deduplicated), in
     * Coder's order of checks. Only the roles that change are checked, and {@code member} counts as
     * requested (it is implied), so it is "added" unless stored: callers must be able to assign it.
     */
    @Transactional
    public UserResponse updateRoles(Actor actor, UserTarget targetParam, UpdateRolesRequest body) {
        User target = targetParam.resolve();
        // Changing your own roles is refused (as in Coder); the last active owner is kept below.
        if (actor.isSelf(target.id)) {
            throw ApiException.badRequest("You cannot change your own roles.");
        }
        UpdateRolesRequest request = RequestBodies.present(body);
        List<String> requested = request.roles() == null ? List.of() : request.roles();
        User user = UserParamResolver.managed(target);

        List<String> changed = changedRoles(user.rbacRoles, requested);
        // Unknown names (organization roles and "name:org-id" included) come before any permission check.
        for (String role : changed) {
            if (!Roles.isSiteRole(role)) {
                throw ApiException.badRequest("\"" + role + "\" is not a supported role");
            }
        }
        // Coder skips this when nothing changes; here a caller without the power to assign roles is refused
        // even a no-op, so that a read-only role never succeeds on this write endpoint.
        if (!Permissions.canAssignRoles(actor)) {
            throw ApiException.forbidden();
        }
        for (String role : changed) {
            if (!Permissions.canAssign(actor.siteRoles(), role)) {
                throw ApiException.badRequest("not authorized to assign role \"" + role + "\"");
            }
        }
        // After Coder's own checks, so that their answers stay Coder's (e.g. 400 for removing "owner").
        if (!Set.copyOf(requested).equals(Set.copyOf(user.rbacRoles))) {
            Permissions.requireAdminister(actor, user.rbacRoles, "change the roles of");
        }
        if (user.hasSiteRole(Roles.OWNER) && !requested.contains(Roles.OWNER)) {
            users.requireAnotherActiveOwner(user.id, "demote");
        }
        user.rbacRoles = new ArrayList<>(new LinkedHashSet<>(requested));
        return users.view(user);
    }

    /**
     * Coder's {@code ChangeRoleSet(current, requested + member)}: the roles added (in request order), then
     * those removed (in stored order).
     */
    static List<String> changedRoles(List<String> current, List<String> requested) {
        List<String> wanted = new ArrayList<>(requested);
        wanted.add(Roles.MEMBER);
        List<String> remaining = new ArrayList<>(current);
        List<String> changed = new ArrayList<>();
        for (String role : wanted) {
            if (!remaining.remove(role)) {
                changed.add(role);
            }
        }
        changed.addAll(remaining);
        return changed;
    }
}
