package dev.coderusers.organization;

import dev.coderusers.api.ApiException;
import dev.coderusers.api.CoderJson;
import dev.coderusers.role.Action;
import dev.coderusers.role.Permissions;
import dev.coderusers.role.Permissions.Visibility;
import dev.coderusers.role.Resource;
import dev.coderusers.security.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Organization membership as the Users API needs it: adding new users, listing a user's organizations, and the
 * organizations a caller may see.
 */
@ApplicationScoped
public class OrganizationService {

    private final EntityManager entityManager;
    private final Clock clock;

    public OrganizationService(EntityManager entityManager, Clock clock) {
        this.clock = clock;
        this.entityManager = entityManager;
    }

    /** Adds a user to an organization with no explicit organization roles (must run in a transaction). */
    public void addMember(UUID organizationId, UUID userId) {
        Instant now = CoderJson.now(clock);
        OrganizationMember member = new OrganizationMember();
        member.organizationId = organizationId;
        member.userId = userId;
        member.createdAt = now;
        member.updatedAt = now;
        member.roles = new ArrayList<>();
        member.persist();
    }

    /** The ids of the (not deleted) organizations each user belongs to; users without any are absent. */
    public Map<UUID, List<UUID>> organizationIdsOf(Collection<UUID> userIds) {
        Map<UUID, List<UUID>> result = new HashMap<>();
        if (userIds.isEmpty()) {
            return result;
        }
        List<Object[]> rows = entityManager
                .createQuery(
                        "select m.userId, m.organizationId from OrganizationMember m, Organization o"
                                + " where o.id = m.organizationId and o.deleted = false and m.userId in :ids"
                                + " order by m.createdAt, o.name",
                        Object[].class)
                .setParameter("ids", userIds)
                .getResultList();
        for (Object[] row : rows) {
            result.computeIfAbsent((UUID) row[0], k -> new ArrayList<>()).add((UUID) row[1]);
        }
        return result;
    }

    /**
     * The explicit roles of a user in each (not deleted) organization it belongs to, in the order of
     * {@link #organizationIdsOf(UUID)}; a membership without explicit roles maps to {@code []}.
     */
    public Map<UUID, List<String>> organizationRolesOf(UUID userId) {
        List<OrganizationMember> members = entityManager
                .createQuery(
                        "select m from OrganizationMember m, Organization o"
                                + " where o.id = m.organizationId and o.deleted = false and m.userId = :id"
                                + " order by m.createdAt, o.name",
                        OrganizationMember.class)
                .setParameter("id", userId)
                .getResultList();
        Map<UUID, List<String>> result = new LinkedHashMap<>();
        for (OrganizationMember member : members) {
            result.put(member.organizationId, List.copyOf(member.roles));
        }
        return result;
    }

    /** The organization ids of one user, {@code []} when none. */
    public List<UUID> organizationIdsOf(UUID userId) {
        return organizationIdsOf(List.of(userId)).getOrDefault(userId, List.of());
    }

    /**
     * {@code GET /users/{user}/organizations}: the (not deleted) organizations the user belongs to that the
     * caller may read, by name. What the caller may read is the policy's scope, applied in the query: every
     * organization (site readers), or those the caller is a member of.
     */
    @Transactional
    public List<OrganizationResponse> organizationsOf(Actor actor, UUID userId) {
        Visibility readable = Permissions.visibility(actor, Resource.ORGANIZATION, Action.READ);
        if (readable.none()) {
            return List.of();
        }
        List<Organization> organizations = readable.all()
                ? Organization.findByMember(userId)
                : Organization.findByMember(userId, readable.organizations());
        return organizations.stream().map(OrganizationResponse::of).toList();
    }

    /**
     * {@code GET /users/{user}/organizations/{organizationname}}: by name, case-insensitive, not deleted, and
     * readable by the caller; else 404. Membership of the {@code {user}} plays no part, as in Coder.
     */
    @Transactional
    public OrganizationResponse organizationByName(Actor actor, String name) {
        return Organization.findByName(name)
                .filter(organization -> Permissions.canReadOrganization(actor, organization.id))
                .map(OrganizationResponse::of)
                .orElseThrow(ApiException::resourceNotFound);
    }
}
