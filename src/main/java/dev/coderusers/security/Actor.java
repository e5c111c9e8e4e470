package dev.coderusers.security;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling, as far as authorization is concerned: the user, its site roles (the implicit member
 * role is not listed) and its explicit roles in each organization it belongs to.
 */
public record Actor(UUID userId, Set<String> siteRoles, Map<UUID, List<String>> organizationRoles) {

    public boolean hasSiteRole(String role) {
        return siteRoles.contains(role);
    }

    public boolean hasOrganizationRole(String role) {
        return organizationRoles.values().stream().anyMatch(roles -> roles.contains(role));
    }

    public boolean isSelf(UUID otherUserId) {
        return userId.equals(otherUserId);
    }
}
