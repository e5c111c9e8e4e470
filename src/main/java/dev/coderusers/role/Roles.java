package dev.coderusers.role;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The names of Coder's built-in roles (coderd/rbac/roles.go), as stored and on the wire; what each may do is
 * the {@link Policy}'s table. Site roles are stored in {@code users.rbac_roles};
 * organization roles in {@code organization_members.roles}; {@code member} and
 * {@code organization-member} are implicit and never need storing.
 */
public final class Roles {

    public static final String OWNER = "owner";
    public static final String USER_ADMIN = "user-admin";
    public static final String TEMPLATE_ADMIN = "template-admin";
    public static final String AUDITOR = "auditor";
    public static final String MEMBER = "member";

    public static final String ORG_ADMIN = "organization-admin";
    public static final String ORG_MEMBER = "organization-member";
    public static final String ORG_AUDITOR = "organization-auditor";
    public static final String ORG_USER_ADMIN = "organization-user-admin";
    public static final String ORG_TEMPLATE_ADMIN = "organization-template-admin";
    public static final String ORG_WORKSPACE_CREATION_BAN = "organization-workspace-creation-ban";
    public static final String ORG_SERVICE_ACCOUNT = "organization-service-account";
    public static final String AGENTS_ACCESS = "agents-access";

    /** Site roles and their display names, in the order Coder lists them (the policy's site rows). */
    public static final Map<String, String> SITE_ROLES = siteRoles();

    /** Site roles that {@code GET /users/roles} lists (member is implicit, so not assignable). */
    public static final List<String> LISTED_SITE_ROLES = Policy.ROWS.stream()
            .filter(row -> row.site() && !row.implicit())
            .map(Policy.Row::name)
            .toList();

    private Roles() {}

    public static boolean isSiteRole(String name) {
        return SITE_ROLES.containsKey(name);
    }

    /** The display name of a site role, {@code ""} for names Coder does not know (as Coder shows them). */
    public static String siteDisplayName(String name) {
        return SITE_ROLES.getOrDefault(name, "");
    }

    private static Map<String, String> siteRoles() {
        Map<String, String> roles = new LinkedHashMap<>();
        for (Policy.Row row : Policy.ROWS) {
            if (row.site()) {
                roles.put(row.name(), row.displayName());
            }
        }
        return Collections.unmodifiableMap(roles);
    }
}
