package dev.coderusers.role;

import dev.coderusers.role.AssignableRole.Permission;
import dev.coderusers.security.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The site roles as the {@link Policy} table has them: each role's site-wide grants, the implicit member's grants
 * on itself as everyone's user permissions, and whether the caller may assign the role.
 */
@ApplicationScoped
public class RoleService {

    /** Everything, as Coder's owner is shown (Coder expands it; "*" says the same in one entry). */
    private static final List<Permission> ALL = List.of(new Permission(false, "*", "*"));

    /** What every user may do to itself (the implicit member role's grants on itself). */
    private static final List<Permission> SELF =
            Policy.row(Roles.MEMBER).map(row -> permissions(row, Scope.SELF)).orElse(List.of());

    /** {@code GET /users/roles}: the site roles, with {@code assignable} for the caller. */
    public List<AssignableRole> siteRoles(Actor actor) {
        return Roles.LISTED_SITE_ROLES.stream()
                .map(name -> Policy.row(name).orElseThrow())
                .map(row -> new AssignableRole(
                        row.name(),
                        row.displayName(),
                        null,
                        row.wildcard() ? ALL : permissions(row, Scope.ALL),
                        List.of(),
                        List.of(),
                        SELF,
                        Permissions.canAssign(actor.siteRoles(), row.name()),
                        true))
                .toList();
    }

    private static List<Permission> permissions(Policy.Row row, Scope scope) {
        return row.grants().stream()
                .filter(grant -> grant.scope() == scope)
                .map(grant -> new Permission(
                        false, grant.resource().wireName(), grant.action().wireName()))
                .toList();
    }
}
