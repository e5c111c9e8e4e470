package dev.coderusers.role;

import static dev.coderusers.role.Action.ASSIGN;
import static dev.coderusers.role.Action.CREATE;
import static dev.coderusers.role.Action.DELETE;
import static dev.coderusers.role.Action.READ;
import static dev.coderusers.role.Action.READ_PERSONAL;
import static dev.coderusers.role.Action.UNASSIGN;
import static dev.coderusers.role.Action.UPDATE;
import static dev.coderusers.role.Action.UPDATE_PERSONAL;
import static dev.coderusers.role.Resource.AI_MODEL_PRICE;
import static dev.coderusers.role.Resource.API_KEY;
import static dev.coderusers.role.Resource.ASSIGN_ROLE;
import static dev.coderusers.role.Resource.ORGANIZATION;
import static dev.coderusers.role.Resource.ORGANIZATION_MEMBER;
import static dev.coderusers.role.Resource.USER;
import static dev.coderusers.role.Resource.USER_SECRET;
import static dev.coderusers.role.Scope.ALL;
import static dev.coderusers.role.Scope.SELF;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The policy: who may do what, as one table of roles → grants (resource, action, scope) and the roles each
 * role may assign, after Coder's built-in roles (coderd/rbac/roles.go) as far as the Users API reaches.
 * {@link Permissions} answers every question from it (checks, and the scope of list queries), {@code GET
 * /users/roles} renders it, and {@code PermissionMatrixTest} walks every operation for every role against it.
 *
 * <p>Read it row by row: a subject holds its stored site roles plus the implicit {@code member}, and in each
 * organization it belongs to that organization's roles plus the implicit {@code organization-member}; it may do
 * what any of its rows grants. Two rules sit beside the table because they are about the target's roles, not
 * the caller's ({@link #PROTECTED_ROLES}), or hold for everyone alike (a login type is shown only to its user,
 * see {@link Permissions#canReadLoginType}).
 *
 * <p>This class depends on no feature package: features depend on the policy, never the other way round.
 */
public final class Policy {

    /** May do {@code action} on {@code resource} within {@code scope}. */
    public record Grant(Resource resource, Action action, Scope scope) {}

    /**
     * One role: its name (as stored and on the wire), display name, whether it is a site role (else an
     * organization role), whether it is implicit (held by everyone, resp. every member, never stored), its
     * grants, whether the grants are "everything but {@code excluded}" (shown as {@code *:*}), and the roles it
     * may assign or remove.
     */
    public record Row(
            String name,
            String displayName,
            boolean site,
            boolean implicit,
            List<Grant> grants,
            boolean wildcard,
            Set<String> assigns) {}

    /** Every role of the policy, site roles first in the order Coder lists them. */
    public static final List<Row> ROWS = List.of(
            new Row(
                    Roles.OWNER,
                    "Owner",
                    true,
                    false,
                    everythingExcept(USER_SECRET), // Coder's owner, too, has no access to others' secrets
                    true,
                    Set.of(
                            Roles.OWNER,
                            Roles.AUDITOR,
                            Roles.MEMBER,
                            Roles.TEMPLATE_ADMIN,
                            Roles.USER_ADMIN,
                            Roles.ORG_ADMIN,
                            Roles.ORG_MEMBER,
                            Roles.ORG_AUDITOR,
                            Roles.ORG_USER_ADMIN,
                            Roles.ORG_TEMPLATE_ADMIN,
                            Roles.ORG_WORKSPACE_CREATION_BAN,
                            Roles.ORG_SERVICE_ACCOUNT,
                            Roles.AGENTS_ACCESS)),
            new Row(
                    Roles.AUDITOR,
                    "Auditor",
                    true,
                    false,
                    grants(grant(ALL, USER, READ), grant(ALL, ORGANIZATION, READ)),
                    false,
                    Set.of()),
            new Row(
                    Roles.TEMPLATE_ADMIN,
                    "Template Admin",
                    true,
                    false,
                    grants(grant(ALL, USER, READ), grant(ALL, ORGANIZATION, READ)),
                    false,
                    Set.of()),
            new Row(
                    Roles.USER_ADMIN,
                    "User Admin",
                    true,
                    false,
                    grants(
                            grant(ALL, USER, CREATE, READ, UPDATE, DELETE, READ_PERSONAL, UPDATE_PERSONAL),
                            grant(ALL, ASSIGN_ROLE, ASSIGN, UNASSIGN, READ),
                            grant(ALL, ORGANIZATION_MEMBER, CREATE, READ, UPDATE, DELETE),
                            grant(ALL, ORGANIZATION, READ)),
                    false,
                    Set.of(Roles.MEMBER, Roles.ORG_MEMBER, Roles.AGENTS_ACCESS)),
            // Everyone: its own user, keys and secrets; the price book (Coder grants ai_model_price:read to members).
            // Not "update" of itself: members cannot rename themselves or change their own status.
            new Row(
                    Roles.MEMBER,
                    "Member",
                    true,
                    true,
                    grants(
                            grant(SELF, USER, READ, READ_PERSONAL, UPDATE_PERSONAL),
                            grant(SELF, API_KEY, CREATE, READ, UPDATE, DELETE),
                            grant(SELF, USER_SECRET, CREATE, READ, UPDATE, DELETE),
                            grant(ALL, AI_MODEL_PRICE, READ)),
                    false,
                    Set.of()),
            // Organization admins and user admins read users site-wide, to add them as members (Coder's
            // "site-level user read"); they do nothing else in the Users API.
            new Row(
                    Roles.ORG_ADMIN,
                    "Organization Admin",
                    false,
                    false,
                    grants(grant(ALL, USER, READ)),
                    false,
                    Set.of()),
            new Row(
                    Roles.ORG_USER_ADMIN,
                    "Organization User Admin",
                    false,
                    false,
                    grants(grant(ALL, USER, READ)),
                    false,
                    Set.of()),
            // Every member of an organization reads that organization.
            new Row(
                    Roles.ORG_MEMBER,
                    "Organization Member",
                    false,
                    true,
                    grants(grant(Scope.ORGANIZATION, ORGANIZATION, READ)),
                    false,
                    Set.of()));

    /**
     * Roles that only their holders may administer in another user: a user holding one is deleted, renamed, or has
     * its roles or password changed only by a caller holding it too (403). Without this a user-admin could delete
     * every owner and lock the site out, since no other role assigns {@code owner} (Coder lets user-admins delete
     * owners). That the last active owner is never deleted or demoted (409) is the user service's rule.
     */
    public static final Set<String> PROTECTED_ROLES = Set.of(Roles.OWNER);

    private static final Map<String, Row> BY_NAME = byName();

    private Policy() {}

    /** The row of a role, empty for names the policy does not know (custom or unknown roles grant nothing). */
    public static Optional<Row> row(String role) {
        return Optional.ofNullable(BY_NAME.get(role));
    }

    private static Map<String, Row> byName() {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (Row row : ROWS) {
            rows.put(row.name(), row);
        }
        return Map.copyOf(rows);
    }

    private static List<Grant> grant(Scope scope, Resource resource, Action... actions) {
        for (Action action : actions) {
            if (!resource.actions().contains(action)) {
                throw new IllegalStateException(resource + " has no action " + action);
            }
        }
        return Arrays.stream(actions)
                .map(action -> new Grant(resource, action, scope))
                .toList();
    }

    @SafeVarargs
    private static List<Grant> grants(List<Grant>... lists) {
        return Arrays.stream(lists).flatMap(List::stream).toList();
    }

    private static List<Grant> everythingExcept(Resource... excluded) {
        List<Grant> grants = new ArrayList<>();
        for (Resource resource : Resource.values()) {
            if (!List.of(excluded).contains(resource)) {
                grants.addAll(grant(ALL, resource, resource.actions().toArray(Action[]::new)));
            }
        }
        return List.copyOf(grants);
    }
}
