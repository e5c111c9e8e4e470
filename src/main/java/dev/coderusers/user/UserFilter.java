package dev.coderusers.user;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The filters of {@code GET /api/v2/users?q=…}, as parsed by {@link UserSearchQuery}. Every filter is
 * optional and they combine with AND; {@code null} or an empty collection means "do not filter".
 *
 * <p>Values Coder treats as "no filter" are already folded into {@code null}/empty here, so the query
 * layer needs no sentinels: an empty {@code search:""}, the zero time {@code 0001-01-01T00:00:00Z},
 * {@code github_com_user_id:0}, and a role list made only of {@code member}.
 *
 * @param search lower-cased text matched as a substring of email or username ({@code ILIKE %v%})
 * @param name lower-cased text matched as a substring of the display name
 * @param statuses any of these statuses
 * @param roles site roles; a user matches when it holds any of them
 * @param loginTypes any of these login types
 * @param serviceAccount {@code is_service_account} must equal this
 * @param lastSeenBefore inclusive upper bound on {@code last_seen_at}
 * @param lastSeenAfter inclusive lower bound on {@code last_seen_at}
 * @param createdBefore inclusive upper bound on {@code created_at}
 * @param createdAfter inclusive lower bound on {@code created_at}
 * @param githubComUserId exact match on the GitHub user id
 */
public record UserFilter(
        String search,
        String name,
        Set<UserStatus> statuses,
        List<String> roles,
        Set<LoginType> loginTypes,
        Boolean serviceAccount,
        Instant lastSeenBefore,
        Instant lastSeenAfter,
        Instant createdBefore,
        Instant createdAfter,
        Long githubComUserId) {

    /** No filter at all: what an absent, empty or blank {@code q} means. */
    public static final UserFilter NONE =
            new UserFilter(null, null, Set.of(), List.of(), Set.of(), null, null, null, null, null, null);

    public UserFilter {
        statuses = Set.copyOf(statuses);
        roles = List.copyOf(roles);
        loginTypes = Set.copyOf(loginTypes);
    }
}
