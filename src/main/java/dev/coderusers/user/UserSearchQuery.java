package dev.coderusers.user;

import dev.coderusers.api.ApiException;
import dev.coderusers.api.GoText;
import dev.coderusers.api.QueryParamParser;
import dev.coderusers.api.ValidationError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parser of Coder's user search language, the {@code q} parameter of {@code GET /api/v2/users}
 * (Coder's {@code searchquery.Users}). Coder's web UI and CLI build these strings, so the grammar, its
 * quirks and the wording of every error are reproduced as Coder has them.
 *
 * <p>The grammar, in Coder's order of work:
 * <ol>
 *   <li>the whole query is lower-cased (so {@code STATUS:Active} works, and so are all values);
 *   <li>it is split on spaces (U+0020 only), except inside double quotes, which are kept for now;
 *   <li>tokens containing {@code :} anywhere — even inside quotes — are terms; all other tokens are
 *       joined with single spaces into one free-text element, placed after the terms;
 *   <li>an element starting or ending with {@code :} fails; otherwise it is split on {@code :} outside
 *       quotes, dropping empty pieces, and quotes are trimmed from both ends of each piece. One piece
 *       means free text (the <em>untrimmed</em> element becomes a {@code search} value, quotes and all);
 *       two pieces are {@code key:value}; more fail. These structural errors stop at the first one;
 *   <li>the keys are then read like query parameters, collecting every error at once: scalar keys
 *       ({@code search}, {@code name}, {@code service_account}, the four dates,
 *       {@code github_com_user_id}) must appear once, so free text plus {@code search:} is a duplicate;
 *       list keys ({@code status}, {@code role}, {@code login_type}) merge repeats and comma lists;
 *       unknown keys are each reported.
 * </ol>
 * Dates need quotes because an RFC 3339 time contains colons:
 * {@code created_after:"2023-01-01T00:00:00Z"}.
 */
public final class UserSearchQuery {

    /** Coder's answer message for any problem with {@code q}. */
    public static final String INVALID_MESSAGE = "Invalid user search query.";

    private static final String MEMBER_ROLE = "member";
    private static final Instant GO_ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");

    private UserSearchQuery() {}

    /**
     * Parses {@code q}; {@code null}, empty or blank means {@link UserFilter#NONE}.
     *
     * @throws ApiException 400 {@value #INVALID_MESSAGE} with one validation per problem
     */
    public static UserFilter parse(String q) {
        if (q == null) {
            return UserFilter.NONE;
        }
        Map<String, List<String>> values = searchTerms(GoText.lower(q));
        QueryParamParser parser = new QueryParamParser();
        // Read in Coder's order, which is the order of the validations in the answer.
        String search = parser.string(values, "search");
        String name = parser.string(values, "name");
        List<UserStatus> statuses = parser.enumList(values, "status", UserStatus::parse);
        Boolean serviceAccount = parser.nullableBoolean(values, "service_account");
        List<String> roles = parser.strings(values, "role");
        Instant lastSeenAfter = parser.time3339Nano(values, "last_seen_after");
        Instant lastSeenBefore = parser.time3339Nano(values, "last_seen_before");
        Instant createdAfter = parser.time3339Nano(values, "created_after");
        Instant createdBefore = parser.time3339Nano(values, "created_before");
        Long githubComUserId = parser.int64(values, "github_com_user_id");
        List<LoginType> loginTypes = parser.enumList(values, "login_type", LoginType::parse);
        parser.errorExcessParams(values);
        if (parser.hasErrors()) {
            throw ApiException.badRequest(INVALID_MESSAGE, parser.errors());
        }
        return new UserFilter(
                search,
                name,
                Set.copyOf(statuses),
                effectiveRoles(roles),
                Set.copyOf(loginTypes),
                serviceAccount,
                timeFilter(lastSeenBefore),
                timeFilter(lastSeenAfter),
                timeFilter(createdBefore),
                timeFilter(createdAfter),
                githubComUserId == null || githubComUserId == 0 ? null : githubComUserId);
    }

    /**
     * Coder's SQL applies the role filter only when {@code 'member' != ANY(roles)}, that is when at least
     * one listed role is not {@code member}: everyone is a member, so {@code role:member} lists everyone.
     * A mixed list such as {@code role:owner,member} is still a filter, on the whole list.
     */
    private static List<String> effectiveRoles(List<String> roles) {
        return roles.stream().allMatch(MEMBER_ROLE::equals) ? List.of() : roles;
    }

    /** Coder passes Go's zero time for "no bound" and its SQL compares against it, so it is no bound here too. */
    private static Instant timeFilter(Instant bound) {
        return GO_ZERO_TIME.equals(bound) ? null : bound;
    }

    /** Coder's {@code searchTerms}: the query split into key → values, free text under {@code search}. */
    private static Map<String, List<String>> searchTerms(String query) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String element : elements(splitOutsideQuotes(query, ' ', true))) {
            if (element.startsWith(":") || element.endsWith(":")) {
                throw invalid("Query element " + GoText.quote(element) + " cannot start or end with ':'");
            }
            List<String> parts = splitOutsideQuotes(element, ':', false);
            switch (parts.size()) {
                case 1 -> add(values, "search", element);
                case 2 -> add(values, GoText.lower(parts.get(0)), parts.get(1));
                default -> throw invalid("Query element " + GoText.quote(element) + " can only contain 1 ':'");
            }
        }
        return values;
    }

    /** Coder's {@code processTokens}: terms in order, then all free-text tokens as one element. */
    private static List<String> elements(List<String> tokens) {
        List<String> elements = new ArrayList<>();
        List<String> freeText = new ArrayList<>();
        for (String token : tokens) {
            (token.indexOf(':') >= 0 ? elements : freeText).add(token);
        }
        if (!freeText.isEmpty()) {
            elements.add(String.join(" ", freeText));
        }
        return elements;
    }

    /**
     * Coder's {@code splitQueryParameterByDelimiter}: Go's {@code strings.FieldsFunc} with a separator that
     * only counts outside double quotes (each {@code "} toggles), so runs of separators produce no empty
     * pieces; without {@code keepQuotes}, every leading and trailing {@code "} of a piece is trimmed.
     */
    private static List<String> splitOutsideQuotes(String s, char delimiter, boolean keepQuotes) {
        List<String> pieces = new ArrayList<>();
        boolean quoted = false;
        int start = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (!quoted && c == delimiter) {
                if (start >= 0) {
                    pieces.add(s.substring(start, i));
                    start = -1;
                }
            } else if (start < 0) {
                start = i;
            }
        }
        if (start >= 0) {
            pieces.add(s.substring(start));
        }
        return keepQuotes
                ? pieces
                : pieces.stream().map(UserSearchQuery::trimQuotes).toList();
    }

    private static String trimQuotes(String piece) {
        int from = 0;
        int to = piece.length();
        while (from < to && piece.charAt(from) == '"') {
            from++;
        }
        while (to > from && piece.charAt(to - 1) == '"') {
            to--;
        }
        return piece.substring(from, to);
    }

    private static void add(Map<String, List<String>> values, String key, String value) {
        values.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }

    /** Structural errors are reported alone, on the field {@code q}, as Coder stops at the first one. */
    private static ApiException invalid(String detail) {
        return ApiException.badRequest(INVALID_MESSAGE, List.of(new ValidationError("q", detail)));
    }
}
