package dev.coderusers.role;

import java.util.UUID;

/**
 * What a permission is asked about: a user (itself, or the owner of a key, a secret, a preference), an
 * organization, or the site as a whole (creating users, the price book).
 */
public record Target(UUID userId, UUID organizationId) {

    public static Target user(UUID userId) {
        return new Target(userId, null);
    }

    public static Target organization(UUID organizationId) {
        return new Target(null, organizationId);
    }

    public static Target site() {
        return new Target(null, null);
    }
}
