package dev.coderusers.auth;

import dev.coderusers.user.LoginType;

/**
 * Who the provider says signed in, reduced to what Coder's common OAuth login needs.
 *
 * @param linkedId the provider's stable id: GitHub's numeric user id, or {@code <issuer>||<subject>}
 * @param email a verified email address; users are found by it when no link matches
 * @param username a valid username, used only when the user is created
 * @param claimsJson the claims to keep on the link (JSON object; {@code {}} for GitHub)
 * @param githubComUserId the github.com user id, or null (GitHub Enterprise and OIDC)
 */
record ExternalIdentity(
        LoginType loginType,
        String linkedId,
        String email,
        String username,
        String name,
        String avatarUrl,
        boolean allowSignups,
        OAuthTokens tokens,
        String claimsJson,
        Long githubComUserId) {}
