package dev.coderusers.role;

import dev.coderusers.role.AssignableRole.Permission;
import dev.coderusers.security.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * The site roles and what each may do, as far as this service enforces it ({@link Permissions}); the
 * permission lists describe this service's rules, not the whole of Coder's RBAC.
 */
@ApplicationScoped
public class RoleService {

    private static final List<Permission> ALL = List.of(new Permission(false, "*", "*"));

    private static final List<String> USER_READ = List.of("read");
    private static final List<String> USER_ADMIN_ACTIONS =
            List.of("create", "read", "update", "delete", "read_personal", "update_personal");

    private static final Map<String, List<Permission>> SITE_PERMISSIONS = Map.of(
            Roles.OWNER, ALL,
            Roles.USER_ADMIN,
                    concat(
                            permissions("user", USER_ADMIN_ACTIONS),
                            permissions("assign_role", List.of("assign", "unassign", "read")),
                            permissions("organization_member", List.of("create", "read", "update", "delete"))),
            Roles.TEMPLATE_ADMIN, concat(permissions("user", USER_READ), permissions("organization", USER_READ)),
            Roles.AUDITOR, concat(permissions("user", USER_READ), permissions("organization", USER_READ)));

    /** What every user may do to itself (the implicit member role). */
    private static final List<Permission> SELF = concat(
            permissions("user", List.of("read", "read_personal", "update_personal")),
            permissions("api_key", List.of("create", "read", "update", "delete")));

    /** {@code GET /users/roles}: the site roles, with {@code assignable} for the caller. */
    public List<AssignableRole> siteRoles(Actor actor) {
        return Roles.LISTED_SITE_ROLES.stream()
                .map(name -> new AssignableRole(
                        name,
                        Roles.siteDisplayName(name),
                        null,
                        SITE_PERMISSIONS.getOrDefault(name, List.of()),
                        List.of(),
                        List.of(),
                        SELF,
                        Roles.canAssign(actor.siteRoles(), name),
                        true))
                .toList();
    }

    private static List<Permission> permissions(String resource, List<String> actions) {
        return actions.stream().map(a -> new Permission(false, resource, a)).toList();
    }

    @SafeVarargs
    private static List<Permission> concat(List<Permission>... lists) {
        return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
    }
}
