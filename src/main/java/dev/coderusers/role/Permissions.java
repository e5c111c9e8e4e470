package dev.coderusers.role;

import dev.coderusers.api.ApiException;
import dev.coderusers.security.Actor;
import java.util.Collection;
import java.util.UUID;

/**
 * Who may do what to a user, following Coder's built-in roles (coderd/rbac/roles.go, dbauthz) for the
 * Users API only. Everyone is implicitly a member and may read and change their own personal data.
 */
public final class Permissions {

    private Permissions() {}

    /** Read another user's profile: site readers and organization admins (who add members). */
    public static boolean canReadUser(Actor actor, UUID target) {
        return actor.isSelf(target) || canReadAllUsers(actor);
    }

    /** Whether the actor sees every user (else only itself) in {@code GET /users}. */
    public static boolean canReadAllUsers(Actor actor) {
        return isSiteReader(actor)
                || actor.hasOrganizationRole(Roles.ORG_ADMIN)
                || actor.hasOrganizationRole(Roles.ORG_USER_ADMIN);
    }

    /** Read personal data (appearance, preferences, git SSH key, roles, autofill): self, owner, user-admin. */
    public static boolean canReadPersonal(Actor actor, UUID target) {
        return actor.isSelf(target) || isUserAdministrator(actor);
    }

    /** Change personal data (appearance, preferences, git SSH key, password, name): self, owner, user-admin. */
    public static boolean canUpdatePersonal(Actor actor, UUID target) {
        return actor.isSelf(target) || isUserAdministrator(actor);
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

    /** Rename, suspend, activate: owner and user-admin only (members cannot rename themselves). */
    public static boolean canUpdateUser(Actor actor) {
        return isUserAdministrator(actor);
    }

    public static boolean canCreateUsers(Actor actor) {
        return isUserAdministrator(actor);
    }

    public static boolean canDeleteUsers(Actor actor) {
        return isUserAdministrator(actor);
    }

    /**
     * Delete, suspend, or change the roles, password, login type or username of a user holding
     * {@code targetSiteRoles}: only owners may do any of that to an owner. Without this rule a user-admin could
     * delete every owner and lock the site out, since no other role can assign {@code owner} again (Coder lets
     * user-admins delete owners).
     */
    public static boolean canAdminister(Actor actor, Collection<String> targetSiteRoles) {
        return !targetSiteRoles.contains(Roles.OWNER) || actor.hasSiteRole(Roles.OWNER);
    }

    /** {@link #canAdminister}, or 403 saying that {@code action} (e.g. "delete") an owner is for owners. */
    public static void requireAdminister(Actor actor, Collection<String> targetSiteRoles, String action) {
        if (!canAdminister(actor, targetSiteRoles)) {
            throw ApiException.forbidden("Only an owner may " + action + " a user with the \"owner\" role.");
        }
    }

    /** Assign or remove site roles at all (which ones is {@link Roles#canAssign}). */
    public static boolean canAssignRoles(Actor actor) {
        return isUserAdministrator(actor);
    }

    /**
     * Change the password of {@code target}: the user itself, and site owners. A password change deletes
     * every API key of the target (it signs the user out everywhere), so it needs the power to manage the
     * target's keys as well as {@link #canUpdatePersonal}. This also keeps user-admins, who cannot assign
     * the owner role, from taking over an owner's account by setting its password. Coder lets user-admins
     * through its checks and then fails with 500 when it deletes the keys; here they get 403.
     */
    public static boolean canChangePassword(Actor actor, UUID target) {
        return canUpdatePersonal(actor, target) && canManageApiKeys(actor, target);
    }

    /** Read the login type of {@code target}: only the user itself (Coder answers 403 to everyone else). */
    public static boolean canReadLoginType(Actor actor, UUID target) {
        return actor.isSelf(target);
    }

    /** Create, read, expire and delete API keys of {@code keyOwner}: the owner of the key, and site owners. */
    public static boolean canManageApiKeys(Actor actor, UUID keyOwner) {
        return actor.isSelf(keyOwner) || actor.hasSiteRole(Roles.OWNER);
    }

    /**
     * Read every organization: the site roles that read all users also read all organizations (owner,
     * user-admin, template-admin, auditor).
     */
    public static boolean canReadAllOrganizations(Actor actor) {
        return isSiteReader(actor);
    }

    /** Read one organization: site readers of all organizations, and the organization's own members. */
    public static boolean canReadOrganization(Actor actor, UUID organizationId) {
        return canReadAllOrganizations(actor) || actor.organizationRoles().containsKey(organizationId);
    }

    /**
     * Read the AI model price book (prices in force, their history) and price usage with it: everyone signed in,
     * as in Coder, where {@code ai_model_price:read} is granted to every member.
     */
    public static boolean canReadModelPrices(Actor actor) {
        return actor != null;
    }

    /** Set or clear a model's price (an owner's price, which wins over the seed's): site owners only. */
    public static boolean canManageModelPrices(Actor actor) {
        return actor.hasSiteRole(Roles.OWNER);
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

    /** The site roles that read every user and every organization. */
    private static boolean isSiteReader(Actor actor) {
        return actor.hasSiteRole(Roles.OWNER)
                || actor.hasSiteRole(Roles.USER_ADMIN)
                || actor.hasSiteRole(Roles.TEMPLATE_ADMIN)
                || actor.hasSiteRole(Roles.AUDITOR);
    }

    private static boolean isUserAdministrator(Actor actor) {
        return actor.hasSiteRole(Roles.OWNER) || actor.hasSiteRole(Roles.USER_ADMIN);
    }
}
