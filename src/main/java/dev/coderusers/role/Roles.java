package dev.coderusers.role;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Coder's built-in roles (coderd/rbac/roles.go). Site roles are stored in {@code users.rbac_roles};
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

    /** Site roles and their display names, in the order Coder lists them. */
    public static final Map<String, String> SITE_ROLES = orderedMap(
            OWNER, "Owner",
            AUDITOR, "Auditor",
            TEMPLATE_ADMIN, "Template Admin",
            USER_ADMIN, "User Admin",
            MEMBER, "Member");

    /** Site roles that {@code GET /users/roles} lists (member is implicit, so not assignable). */
    public static final List<String> LISTED_SITE_ROLES = List.of(OWNER, AUDITOR, TEMPLATE_ADMIN, USER_ADMIN);

    /** What each role may assign (Coder's {@code assignRoles} map); roles not listed assign nothing. */
    private static final Map<String, Set<String>> ASSIGNABLE = Map.of(
            OWNER,
            Set.of(
                    OWNER,
                    AUDITOR,
                    MEMBER,
                    TEMPLATE_ADMIN,
                    USER_ADMIN,
                    ORG_ADMIN,
                    ORG_MEMBER,
                    ORG_AUDITOR,
                    ORG_USER_ADMIN,
                    ORG_TEMPLATE_ADMIN,
                    ORG_WORKSPACE_CREATION_BAN,
                    ORG_SERVICE_ACCOUNT,
                    AGENTS_ACCESS),
            USER_ADMIN,
            Set.of(MEMBER, ORG_MEMBER, AGENTS_ACCESS));

    private Roles() {}

    public static boolean isSiteRole(String name) {
        return SITE_ROLES.containsKey(name);
    }

    /** The display name of a site role, {@code ""} for names Coder does not know (as Coder shows them). */
    public static String siteDisplayName(String name) {
        return SITE_ROLES.getOrDefault(name, "");
    }

    /** Whether a caller holding {@code callerSiteRoles} may assign or remove {@code role}. */
    public static boolean canAssign(Set<String> callerSiteRoles, String role) {
        return callerSiteRoles.stream()
                .anyMatch(r -> ASSIGNABLE.getOrDefault(r, Set.of()).contains(role));
    }

    private static Map<String, String> orderedMap(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
