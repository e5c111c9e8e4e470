package dev.coderusers.role;

import dev.coderusers.api.ApiException;
import dev.coderusers.security.Actor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Who may do what, answered from the one table of the {@link Policy}: {@link #can} for one target,
 * {@link #visibility} for the scope of a list query (so lists filter in SQL, never after loading), and named
 * questions for the endpoints, each one line over the table. No role name appears in the answers but in the
 * table.
 */
public final class Permissions {

    private Permissions() {}

    /** Whether any role the actor holds grants {@code action} on {@code resource} for {@code target}. */
    public static boolean can(Actor actor, Resource resource, Action action, Target target) {
        for (Held held : held(actor)) {
            for (Policy.Grant grant : held.row().grants()) {
                if (grant.resource() == resource && grant.action() == action && reaches(actor, held, grant, target)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * What of {@code resource} the actor may {@code action}, for a list query to filter on: everything, or the
     * actor's own rows and those of some organizations.
     */
    public static Visibility visibility(Actor actor, Resource resource, Action action) {
        boolean self = false;
        Set<UUID> organizations = new LinkedHashSet<>();
        for (Held held : held(actor)) {
            for (Policy.Grant grant : held.row().grants()) {
                if (grant.resource() != resource || grant.action() != action) {
                    continue;
                }
                switch (grant.scope()) {
                    case ALL -> {
                        return Visibility.EVERYTHING;
                    }
                    case SELF -> self = true;
                    case ORGANIZATION -> organizations.addAll(held.organizations(actor));
                }
            }
        }
        return new Visibility(false, self ? actor.userId() : null, Set.copyOf(organizations));
    }

    /**
     * The rows a list may show: {@code all}, else those owned by {@code user} (when not null) and those of
     * {@code organizations}.
     */
    public record Visibility(boolean all, UUID user, Set<UUID> organizations) {

        static final Visibility EVERYTHING = new Visibility(true, null, Set.of());

        /** Nothing at all is visible. */
        public boolean none() {
            return !all && user == null && organizations.isEmpty();
        }

        /** Whether the rows of {@code userId} are visible. */
        public boolean includesUser(UUID userId) {
            return all || userId.equals(user);
        }
    }

    /** Whether a caller holding {@code callerSiteRoles} may assign or remove the role {@code role}. */
    public static boolean canAssign(Collection<String> callerSiteRoles, String role) {
        return callerSiteRoles.stream()
                .anyMatch(held -> Policy.row(held)
                        .map(row -> row.assigns().contains(role))
                        .orElse(false));
    }

    /** Read another user's profile: site readers and organization admins (who add members). */
    public static boolean canReadUser(Actor actor, UUID target) {
        return can(actor, Resource.USER, Action.READ, Target.user(target));
    }

    /** Whether the actor sees every user (else only itself) in {@code GET /users}. */
    public static boolean canReadAllUsers(Actor actor) {
        return visibility(actor, Resource.USER, Action.READ).all();
    }

    /** Read personal data (appearance, preferences, git SSH key, roles, autofill). */
    public static boolean canReadPersonal(Actor actor, UUID target) {
        return can(actor, Resource.USER, Action.READ_PERSONAL, Target.user(target));
    }

    /** Change personal data (appearance, preferences, git SSH key, password, name). */
    public static boolean canUpdatePersonal(Actor actor, UUID target) {
        return can(actor, Resource.USER, Action.UPDATE_PERSONAL, Target.user(target));
    }

    /**
     * {@link #canReadPersonal}, or 404 as for a user the caller cannot see. Coder checks {@code read_personal}
     * in its database layer and answers 500 to callers who may see the user but lack it (auditor,
     * template-admin).
     */
    public static void requireReadPersonal(Actor actor, UUID target) {
        if (!canReadPersonal(actor, target)) {
            throw ApiException.resourceNotFound();
        }
    }

    /** {@link #canUpdatePersonal}, or 404 (Coder: 500 for callers who may see the user), as above. */
    public static void requireUpdatePersonal(Actor actor, UUID target) {
        if (!canUpdatePersonal(actor, target)) {
            throw ApiException.resourceNotFound();
        }
    }

    /** Rename, suspend, activate: {@code user:update}, which members lack even on themselves. */
    public static boolean canUpdateUser(Actor actor) {
        return can(actor, Resource.USER, Action.UPDATE, Target.site());
    }

    public static boolean canCreateUsers(Actor actor) {
        return can(actor, Resource.USER, Action.CREATE, Target.site());
    }

    public static boolean canDeleteUsers(Actor actor) {
        return can(actor, Resource.USER, Action.DELETE, Target.site());
    }

    /**
     * Delete, or change the roles, password or username of a user holding {@code targetSiteRoles}: a target
     * holding a protected role ({@link Policy#PROTECTED_ROLES}: owner) is administered only by holders of it.
     */
    public static boolean canAdminister(Actor actor, Collection<String> targetSiteRoles) {
        return Policy.PROTECTED_ROLES.stream()
                .allMatch(role -> !targetSiteRoles.contains(role) || actor.hasSiteRole(role));
    }

    /** {@link #canAdminister}, or 403 saying that {@code action} (e.g. "delete") an owner is for owners. */
    public static void requireAdminister(Actor actor, Collection<String> targetSiteRoles, String action) {
        if (!canAdminister(actor, targetSiteRoles)) {
            throw ApiException.forbidden("Only an owner may " + action + " a user with the \"owner\" role.");
        }
    }

    /** Assign or remove site roles at all (which ones is {@link #canAssign}). */
    public static boolean canAssignRoles(Actor actor) {
        return can(actor, Resource.ASSIGN_ROLE, Action.ASSIGN, Target.site());
    }

    /**
     * Change the password of {@code target}: a password change deletes every API key of the target (it signs
     * the user out everywhere), so it needs {@code api_key:delete} on the target as well as
     * {@code user:update_personal}. This also keeps user-admins, who cannot assign the owner role, from taking
     * over an owner's account by setting its password. Coder lets user-admins through its checks and then fails
     * with 500 when it deletes the keys; here they get 403.
     */
    public static boolean canChangePassword(Actor actor, UUID target) {
        return canUpdatePersonal(actor, target) && can(actor, Resource.API_KEY, Action.DELETE, Target.user(target));
    }

    /**
     * Read the login type of {@code target}: only the user itself, whatever the roles (Coder's handler compares
     * the caller with the target and answers 403 to everyone else, owners included).
     */
    public static boolean canReadLoginType(Actor actor, UUID target) {
        return actor.isSelf(target);
    }

    /** Create, read, expire and delete API keys of {@code keyOwner}: the owner of the key, and site owners. */
    public static boolean canManageApiKeys(Actor actor, UUID keyOwner) {
        return can(actor, Resource.API_KEY, Action.DELETE, Target.user(keyOwner));
    }

    /** Read one organization: site readers of all organizations, and the organization's own members. */
    public static boolean canReadOrganization(Actor actor, UUID organizationId) {
        return can(actor, Resource.ORGANIZATION, Action.READ, Target.organization(organizationId));
    }

    /** Read the AI model price book (prices in force, their history) and price usage with it. */
    public static boolean canReadModelPrices(Actor actor) {
        return actor != null && can(actor, Resource.AI_MODEL_PRICE, Action.READ, Target.site());
    }

    /** Set or clear a model's price (an owner's price, which wins over the seed's). */
    public static boolean canManageModelPrices(Actor actor) {
        return can(actor, Resource.AI_MODEL_PRICE, Action.UPDATE, Target.site());
    }

    /**
     * {@link #canManageModelPrices}, or 403: everyone signed in reads the price book, so there is nothing to
     * hide behind a 404 (which Coder answers only for what the caller may not see).
     */
    public static void requireManageModelPrices(Actor actor) {
        if (!canManageModelPrices(actor)) {
            throw ApiException.forbidden();
        }
    }

    /** A row of the policy the actor holds: site-wide, or in one organization. */
    private record Held(Policy.Row row, UUID organizationId) {

        /** The organizations an organization-scoped grant of this row reaches. */
        Set<UUID> organizations(Actor actor) {
            return organizationId != null
                    ? Set.of(organizationId)
                    : actor.organizationRoles().keySet();
        }
    }

    /**
     * The rows the actor holds: its site roles and the implicit {@code member}; in each organization it belongs
     * to, that organization's roles and the implicit {@code organization-member}. Unknown names hold nothing.
     */
    private static List<Held> held(Actor actor) {
        List<Held> held = new ArrayList<>();
        Policy.row(Roles.MEMBER).ifPresent(row -> held.add(new Held(row, null)));
        for (String role : actor.siteRoles()) {
            Policy.row(role).filter(Policy.Row::site).ifPresent(row -> held.add(new Held(row, null)));
        }
        for (Map.Entry<UUID, List<String>> membership :
                actor.organizationRoles().entrySet()) {
            UUID organization = membership.getKey();
            Policy.row(Roles.ORG_MEMBER).ifPresent(row -> held.add(new Held(row, organization)));
            for (String role : membership.getValue()) {
                Policy.row(role).filter(row -> !row.site()).ifPresent(row -> held.add(new Held(row, organization)));
            }
        }
        return held;
    }

    private static boolean reaches(Actor actor, Held held, Policy.Grant grant, Target target) {
        return switch (grant.scope()) {
            case ALL -> true;
            case SELF -> target.userId() != null && actor.isSelf(target.userId());
            case ORGANIZATION ->
                target.organizationId() != null && held.organizations(actor).contains(target.organizationId());
        };
    }
}
