package dev.coderusers.user;

import java.util.List;
import java.util.UUID;

/**
 * Everything needed to insert a user, already validated and authorized. Shared by the first-user setup,
 * {@code POST /users} and sign-ups through GitHub or OpenID Connect.
 *
 * @param hashedPassword Coder's PBKDF2 string, or {@code ""} for users without a password
 */
public record NewUser(
        String email,
        String username,
        String name,
        String avatarUrl,
        String hashedPassword,
        LoginType loginType,
        UserStatus status,
        List<String> siteRoles,
        List<UUID> organizationIds,
        boolean serviceAccount,
        Long githubComUserId) {}
