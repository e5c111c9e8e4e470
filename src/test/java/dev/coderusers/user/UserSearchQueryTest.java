package dev.coderusers.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coderusers.api.ApiException;
import dev.coderusers.api.ValidationError;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class UserSearchQueryTest {

    private static final String LAYOUT = "2006-01-02T15:04:05.999999999Z07:00";

    /** The queries of Coder's own filter tests (coderd/coderdtest/users.go, UsersFilter). */
    @Nested
    class CodersExamples {

        @Test
        void statusList() {
            assertThat(parse("status:suspended,active").statuses())
                    .containsExactlyInAnyOrder(UserStatus.SUSPENDED, UserStatus.ACTIVE);
        }

        @Test
        void upperCaseStatus() {
            assertThat(parse("status:ACTIVE"))
                    .isEqualTo(only().statuses(UserStatus.ACTIVE).build());
        }

        @Test
        void roleAndStatuses() {
            assertThat(parse("role:OWNER status:suspended,active"))
                    .isEqualTo(only().roles("owner")
                            .statuses(UserStatus.SUSPENDED, UserStatus.ACTIVE)
                            .build());
        }

        @Test
        void freeTextRoleAndStatus() {
            assertThat(parse("i role:owner status:active"))
                    .isEqualTo(only().search("i")
                            .roles("owner")
                            .statuses(UserStatus.ACTIVE)
                            .build());
        }

        @Test
        void keysAreCaseInsensitive() {
            assertThat(parse("i Role:Owner STATUS:Active")).isEqualTo(parse("i role:owner status:active"));
        }

        @Test
        void nameAndSearch() {
            assertThat(parse("name:Test search:before1"))
                    .isEqualTo(only().name("test").search("before1").build());
        }

        @Test
        void githubUserId() {
            assertThat(parse("github_com_user_id:7"))
                    .isEqualTo(only().githubComUserId(7L).build());
        }

        @Test
        void repeatedLoginTypesAreOred() {
            assertThat(parse("login_type:none login_type:github"))
                    .isEqualTo(
                            only().loginTypes(LoginType.NONE, LoginType.GITHUB).build());
        }

        @Test
        void serviceAccount() {
            assertThat(parse("service_account:true"))
                    .isEqualTo(only().serviceAccount(true).build());
        }

        @Test
        void createdRange() {
            assertThat(parse("created_after:\"2023-01-01T00:00:00Z\" created_before:\"2023-01-31T23:59:59Z\""))
                    .isEqualTo(only().createdAfter("2023-01-01T00:00:00Z")
                            .createdBefore("2023-01-31T23:59:59Z")
                            .build());
        }

        @Test
        void lastSeenBefore() {
            assertThat(parse("last_seen_before:\"2023-01-14T23:59:59Z\""))
                    .isEqualTo(only().lastSeenBefore("2023-01-14T23:59:59Z").build());
        }

        @Test
        void lastSeenWindow() {
            assertThat(parse("last_seen_before:\"2023-01-14T23:59:59Z\" last_seen_after:\"2023-01-08T00:00:00Z\""))
                    .isEqualTo(only().lastSeenBefore("2023-01-14T23:59:59Z")
                            .lastSeenAfter("2023-01-08T00:00:00Z")
                            .build());
        }

        @Test
        void lastSeenWithOffset() {
            assertThat(parse("last_seen_before:\"2023-01-16T00:00:00+12:00\"").lastSeenBefore())
                    .isEqualTo(Instant.parse("2023-01-15T12:00:00Z"));
        }
    }

    @Nested
    class EmptyQueries {

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", " ", "     "})
        void meanNoFilter(String q) {
            assertThat(UserSearchQuery.parse(q)).isEqualTo(UserFilter.NONE);
        }

        @Test
        void quotesAloneAreNotEmpty() {
            // An empty pair of quotes is a free-text token like any other; only the search: key trims quotes.
            assertThat(parse("\"\"")).isEqualTo(only().search("\"\"").build());
        }

        @Test
        void anEmptyValueIsNoFilterAndNoError() {
            assertThat(parse("name:\"\" search:\"\" status:\"\" role:\"\" github_com_user_id:\"\""))
                    .isEqualTo(UserFilter.NONE);
        }
    }

    @Nested
    class FreeText {

        @Test
        void isLowerCased() {
            assertThat(parse("Alice").search()).isEqualTo("alice");
        }

        @Test
        void tokensAreJoinedWithSingleSpacesWhereverTheyAre() {
            assertThat(parse("  john   status:active   doe  "))
                    .isEqualTo(only().search("john doe")
                            .statuses(UserStatus.ACTIVE)
                            .build());
        }

        @Test
        void keepsItsQuotesAsCoderDoes() {
            // Coder passes the untrimmed element to the search: the quotes become part of the pattern.
            assertThat(parse("\"John  Doe\"").search()).isEqualTo("\"john  doe\"");
        }

        @Test
        void unicodeIsLowerCasedRuneByRune() {
            assertThat(parse("ÉLODIE ΣΑΣ İ").search()).isEqualTo("élodie σασ i");
        }

        @Test
        void onlySpacesSeparateTokens() {
            assertThat(parse("a\tb\u00a0c").search()).isEqualTo("a\tb\u00a0c");
        }

        @Test
        void aQuotedColonMakesATermThatIsStillFreeText() {
            assertThat(parse("\"a:b\"").search()).isEqualTo("\"a:b\"");
        }
    }

    @Nested
    class Values {

        @Test
        void quotesAreStrippedFromValues() {
            assertThat(parse("name:\"John  Doe\"").name()).isEqualTo("john  doe");
        }

        @Test
        void quotesKeepColonsInsideAValue() {
            assertThat(parse("search:\"user:name\"").search()).isEqualTo("user:name");
        }

        @Test
        void quotedKeysWork() {
            assertThat(parse("\"status\":acTIve \"sEArch\":User-Name \"role\":Owner"))
                    .isEqualTo(only().statuses(UserStatus.ACTIVE)
                            .search("user-name")
                            .roles("owner")
                            .build());
        }

        @Test
        void anUnclosedQuoteRunsToTheEnd() {
            assertThat(parse("name:\"john doe status:active").name()).isEqualTo("john doe status:active");
        }

        @Test
        void emptyPiecesBetweenColonsAreDropped() {
            assertThat(parse("name::bob").name()).isEqualTo("bob");
        }

        @Test
        void unicodeValues() {
            assertThat(parse("name:\"José MÜLLER\"").name()).isEqualTo("josé müller");
        }

        @Test
        void anEmptyFirstValueHidesARepeat() {
            // Coder looks at the first value only to decide whether the key was given.
            assertThat(parse("name:\"\" name:bob")).isEqualTo(UserFilter.NONE);
        }
    }

    @Nested
    class Lists {

        @Test
        void commaListsAndRepeatsMerge() {
            assertThat(parse("status:active status:dormant,suspended").statuses())
                    .containsExactlyInAnyOrder(UserStatus.ACTIVE, UserStatus.DORMANT, UserStatus.SUSPENDED);
        }

        @Test
        void duplicatesCollapse() {
            assertThat(parse("status:active,active status:active").statuses()).containsExactly(UserStatus.ACTIVE);
        }

        @Test
        void quotedCommaList() {
            assertThat(parse("login_type:\"password,oidc\"").loginTypes())
                    .containsExactlyInAnyOrder(LoginType.PASSWORD, LoginType.OIDC);
        }

        @ParameterizedTest
        @ValueSource(strings = {"password", "github", "oidc", "token", "none", "oauth2_provider_app"})
        void everyLoginType(String wire) {
            assertThat(parse("login_type:" + wire).loginTypes())
                    .containsExactly(LoginType.parse(wire).orElseThrow());
        }

        @ParameterizedTest
        @ValueSource(strings = {"active", "dormant", "suspended"})
        void everyStatus(String wire) {
            assertThat(parse("status:" + wire).statuses())
                    .containsExactly(UserStatus.parse(wire).orElseThrow());
        }

        @Test
        void rolesKeepOrderAndAreNotValidated() {
            assertThat(parse("role:auditor,template-admin role:organization-admin")
                            .roles())
                    .containsExactly("auditor", "template-admin", "organization-admin");
        }
    }

    /**
     * Coder's SQL filters roles only when {@code 'member' != ANY(roles)}: everyone is a member, so a
     * list of nothing but {@code member} lists everyone; a mixed list still filters.
     */
    @Nested
    class MemberRole {

        @ParameterizedTest
        @ValueSource(strings = {"role:member", "role:MEMBER", "role:member,member", "role:member role:member"})
        void onlyMemberMeansEveryone(String q) {
            assertThat(parse(q)).isEqualTo(UserFilter.NONE);
        }

        @Test
        void memberBesideAnotherRoleKeepsTheFilter() {
            assertThat(parse("role:owner,member").roles()).containsExactly("owner", "member");
            assertThat(parse("role:member role:auditor").roles()).containsExactly("member", "auditor");
        }

        @Test
        void anEmptyPartIsARoleThatIsNotMember() {
            assertThat(parse("role:member,").roles()).containsExactly("member", "");
        }
    }

    @Nested
    class ScalarValues {

        @ParameterizedTest
        @CsvSource({
            "true, true",
            "TRUE, true",
            "True, true",
            "t, true",
            "T, true",
            "1, true",
            "false, false",
            "FALSE, false",
            "f, false",
            "0, false"
        })
        void serviceAccountTakesGoBooleans(String raw, boolean expected) {
            assertThat(parse("service_account:" + raw).serviceAccount()).isEqualTo(expected);
        }

        @Test
        void githubUserIdIsSigned64Bit() {
            assertThat(parse("github_com_user_id:-5").githubComUserId()).isEqualTo(-5L);
            assertThat(parse("github_com_user_id:9223372036854775807").githubComUserId())
                    .isEqualTo(Long.MAX_VALUE);
        }

        @Test
        void githubUserIdZeroIsNoFilterAsInCodersSql() {
            assertThat(parse("github_com_user_id:0")).isEqualTo(UserFilter.NONE);
        }

        @Test
        void timesKeepNanosecondsAndAreUpperCasedFirst() {
            assertThat(parse("created_after:\"2023-01-01t00:00:00.123456789z\"").createdAfter())
                    .isEqualTo(Instant.parse("2023-01-01T00:00:00.123456789Z"));
        }

        @Test
        void theGoZeroTimeIsNoBoundAsInCodersSql() {
            assertThat(parse("created_before:\"0001-01-01T00:00:00Z\" last_seen_after:\"0001-01-01T00:00:00Z\""))
                    .isEqualTo(UserFilter.NONE);
        }

        @Test
        void theZeroInstantIsNoBoundWhateverItsOffset() {
            assertThat(parse("created_before:\"0001-01-01T00:01:00+00:01\"").createdBefore())
                    .isNull();
        }

        @Test
        void aMinuteAfterTheZeroInstantIsABound() {
            assertThat(parse("created_before:\"0001-01-01T00:00:00-00:01\"").createdBefore())
                    .isEqualTo(Instant.parse("0001-01-01T00:01:00Z"));
        }

        @Test
        void everyKeyAtOnce() {
            UserFilter filter = parse("Bob name:\"Bob B\" status:active role:owner login_type:password"
                    + " service_account:false github_com_user_id:42 last_seen_after:\"2023-01-01T00:00:00Z\""
                    + " last_seen_before:\"2023-02-01T00:00:00Z\" created_after:\"2022-01-01T00:00:00Z\""
                    + " created_before:\"2022-06-01T00:00:00Z\"");

            assertThat(filter)
                    .isEqualTo(new UserFilter(
                            "bob",
                            "bob b",
                            Set.of(UserStatus.ACTIVE),
                            List.of("owner"),
                            Set.of(LoginType.PASSWORD),
                            false,
                            Instant.parse("2023-02-01T00:00:00Z"),
                            Instant.parse("2023-01-01T00:00:00Z"),
                            Instant.parse("2022-06-01T00:00:00Z"),
                            Instant.parse("2022-01-01T00:00:00Z"),
                            42L));
        }
    }

    /** Errors in splitting the query: reported alone, on the field q, and parsing stops there. */
    @Nested
    class StructuralErrors {

        @ParameterizedTest
        @CsvSource(
                delimiter = '|',
                value = {
                    ":foo|\":foo\"",
                    "status:|\"status:\"",
                    "status:active name:|\"name:\"",
                    "\"a\":|\"\\\"a\\\":\"",
                    "::|\"::\""
                })
        void aTermMayNotStartOrEndWithAColon(String q, String quotedElement) {
            assertStructural(q, "Query element " + quotedElement + " cannot start or end with ':'");
        }

        @Test
        void anUnquotedTimeHasTooManyColonsAndIsShownLowerCased() {
            assertStructural(
                    "created_after:2023-01-01T00:00:00Z",
                    "Query element \"created_after:2023-01-01t00:00:00z\" can only contain 1 ':'");
        }

        @Test
        void extraColon() {
            assertStructural("search:name:extra", "Query element \"search:name:extra\" can only contain 1 ':'");
        }

        @Test
        void tabsDoNotSeparateTermsSoTheyMakeOneElement() {
            assertStructural(
                    "status:active\tname:x", "Query element \"status:active\\tname:x\" can only contain 1 ':'");
        }

        @Test
        void onlyTheFirstStructuralErrorIsReported() {
            assertStructural(":a b: c:d:e", "Query element \":a\" cannot start or end with ':'");
            assertStructural("c:d:e :a", "Query element \"c:d:e\" can only contain 1 ':'");
        }

        @Test
        void aStructuralErrorHidesEveryOtherError() {
            assertStructural(
                    "foo:bar status:bogus name:a name:b :x", "Query element \":x\" cannot start or end with ':'");
        }

        private void assertStructural(String q, String detail) {
            assertInvalid(q, new ValidationError("q", detail));
        }
    }

    @Nested
    class ValueErrors {

        @Test
        void unknownStatus() {
            assertInvalid(
                    "status:inActive",
                    new ValidationError(
                            "status", "Query param \"status\" has invalid values: \"inactive\" is not a valid value"));
        }

        @Test
        void everyUnknownStatusIsListedOnItsOwnLine() {
            assertInvalid(
                    "status:foo,active,bar status:baz",
                    new ValidationError(
                            "status",
                            "Query param \"status\" has invalid values: \"foo\" is not a valid value\n\"bar\" is not a valid value\n\"baz\" is not a valid value"));
        }

        @Test
        void aTrailingCommaIsAnEmptyValue() {
            assertInvalid(
                    "status:active,",
                    new ValidationError(
                            "status", "Query param \"status\" has invalid values: \"\" is not a valid value"));
        }

        @Test
        void aSpaceAfterACommaEndsTheTerm() {
            assertInvalid(
                    "status:active, suspended",
                    new ValidationError(
                            "status", "Query param \"status\" has invalid values: \"\" is not a valid value"));
        }

        @Test
        void unknownLoginType() {
            assertInvalid(
                    "login_type:saml",
                    new ValidationError(
                            "login_type",
                            "Query param \"login_type\" has invalid values: \"saml\" is not a valid value"));
        }

        @Test
        void unknownKey() {
            assertInvalid("foo:bar", new ValidationError("foo", "\"foo\" is not a valid query param"));
        }

        @Test
        void unknownKeysAreQuotedLikeGo() {
            assertInvalid("ключ:x", new ValidationError("ключ", "\"ключ\" is not a valid query param"));
            assertInvalid("a\"b\":x", new ValidationError("a\"b", "\"a\\\"b\" is not a valid query param"));
            assertInvalid("\"\":x", new ValidationError("", "\"\" is not a valid query param"));
            assertInvalid("a\u00a0b:x", new ValidationError("a\u00a0b", "\"a\\u00a0b\" is not a valid query param"));
        }

        @Test
        void nameTwice() {
            assertInvalid("name:a name:b", duplicate("name", 2));
        }

        @Test
        void nameThreeTimes() {
            assertInvalid("name:a name:b name:c", duplicate("name", 3));
        }

        @Test
        void freeTextPlusSearchKeyIsADuplicateSearch() {
            assertInvalid("alice search:bob", duplicate("search", 2));
        }

        @Test
        void aQuotedColonTermPlusFreeTextIsADuplicateSearch() {
            assertInvalid("foo \"a:b\"", duplicate("search", 2));
        }

        @Test
        void scalarKeysGivenTwice() {
            assertInvalid("service_account:true service_account:false", duplicate("service_account", 2));
            assertInvalid("github_com_user_id:1 github_com_user_id:2", duplicate("github_com_user_id", 2));
            assertInvalid(
                    "created_after:\"2023-01-01T00:00:00Z\" created_after:\"2023-01-02T00:00:00Z\"",
                    duplicate("created_after", 2));
        }

        @Test
        void invalidBoolean() {
            assertInvalid(
                    "service_account:yes",
                    new ValidationError(
                            "service_account",
                            "Query param \"service_account\" must be a valid boolean: strconv.ParseBool: parsing \"yes\": invalid syntax"));
        }

        @ParameterizedTest
        @CsvSource(
                delimiter = '|',
                value = {
                    "abc|strconv.ParseInt: parsing \"abc\": invalid syntax",
                    "1.5|strconv.ParseInt: parsing \"1.5\": invalid syntax",
                    "99999999999999999999|strconv.ParseInt: parsing \"99999999999999999999\": value out of range"
                })
        void invalidGithubUserId(String raw, String goError) {
            assertInvalid(
                    "github_com_user_id:" + raw,
                    new ValidationError(
                            "github_com_user_id",
                            "Query param \"github_com_user_id\" must be a valid 64-bit integer: " + goError));
        }

        @ParameterizedTest
        @CsvSource(
                delimiter = '|',
                value = {
                    "yesterday|parsing time \"YESTERDAY\" as \"" + LAYOUT
                            + "\": cannot parse \"YESTERDAY\" as \"2006\"",
                    "2023-01-01|parsing time \"2023-01-01\" as \"" + LAYOUT + "\": cannot parse \"\" as \"T\"",
                    "\"2023-02-30T00:00:00Z\"|parsing time \"2023-02-30T00:00:00Z\": day out of range",
                    "\"2023-01-01T00:00:00\"|parsing time \"2023-01-01T00:00:00\" as \"" + LAYOUT
                            + "\": cannot parse \"\" as \"Z07:00\"",
                    "straße|parsing time \"STRA\\xc3\\x9fE\" as \"" + LAYOUT
                            + "\": cannot parse \"STRA\\xc3\\x9fE\" as \"2006\""
                })
        void invalidTime(String raw, String goError) {
            for (String key : List.of("last_seen_before", "last_seen_after", "created_before", "created_after")) {
                assertInvalid(
                        key + ":" + raw,
                        new ValidationError(
                                key,
                                "Query param \"" + key + "\" must be a valid date format (" + LAYOUT + "): "
                                        + goError));
            }
        }

        @Test
        void everyErrorIsReportedInCodersOrder() {
            assertInvalid(
                    "zzz:1 login_type:ldap github_com_user_id:x created_before:nope created_after:nope"
                            + " last_seen_before:nope last_seen_after:nope role:owner service_account:maybe"
                            + " status:bogus name:a name:b aaa:2 free text search:again",
                    duplicate("search", 2),
                    duplicate("name", 2),
                    new ValidationError(
                            "status", "Query param \"status\" has invalid values: \"bogus\" is not a valid value"),
                    new ValidationError(
                            "service_account",
                            "Query param \"service_account\" must be a valid boolean: strconv.ParseBool: parsing \"maybe\": invalid syntax"),
                    badTime("last_seen_after"),
                    badTime("last_seen_before"),
                    badTime("created_after"),
                    badTime("created_before"),
                    new ValidationError(
                            "github_com_user_id",
                            "Query param \"github_com_user_id\" must be a valid 64-bit integer: strconv.ParseInt: parsing \"x\": invalid syntax"),
                    new ValidationError(
                            "login_type",
                            "Query param \"login_type\" has invalid values: \"ldap\" is not a valid value"),
                    new ValidationError("zzz", "\"zzz\" is not a valid query param"),
                    new ValidationError("aaa", "\"aaa\" is not a valid query param"));
        }

        private ValidationError badTime(String key) {
            return new ValidationError(
                    key,
                    "Query param \"" + key + "\" must be a valid date format (" + LAYOUT
                            + "): parsing time \"NOPE\" as \"" + LAYOUT + "\": cannot parse \"NOPE\" as \"2006\"");
        }
    }

    private static ValidationError duplicate(String key, int times) {
        return new ValidationError(
                key,
                "Query param \"" + key + "\" provided more than once, found " + times
                        + " times. Only provide 1 instance of this query param.");
    }

    private static void assertInvalid(String q, ValidationError... expected) {
        assertThatThrownBy(() -> UserSearchQuery.parse(q)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.body().message()).isEqualTo("Invalid user search query.");
            assertThat(e.body().detail()).isNull();
            assertThat(e.body().validations()).containsExactly(expected);
        });
    }

    private static UserFilter parse(String q) {
        return UserSearchQuery.parse(q);
    }

    private static Expected only() {
        return new Expected();
    }

    /** Builds the expected filter: everything unset except what the test names. */
    private static final class Expected {
        private String search;
        private String name;
        private Set<UserStatus> statuses = Set.of();
        private List<String> roles = List.of();
        private Set<LoginType> loginTypes = Set.of();
        private Boolean serviceAccount;
        private Instant lastSeenBefore;
        private Instant lastSeenAfter;
        private Instant createdBefore;
        private Instant createdAfter;
        private Long githubComUserId;

        Expected search(String value) {
            search = value;
            return this;
        }

        Expected name(String value) {
            name = value;
            return this;
        }

        Expected statuses(UserStatus... values) {
            statuses = Set.of(values);
            return this;
        }

        Expected roles(String... values) {
            roles = List.of(values);
            return this;
        }

        Expected loginTypes(LoginType... values) {
            loginTypes = Set.of(values);
            return this;
        }

        Expected serviceAccount(boolean value) {
            serviceAccount = value;
            return this;
        }

        Expected lastSeenBefore(String value) {
            lastSeenBefore = Instant.parse(value);
            return this;
        }

        Expected lastSeenAfter(String value) {
            lastSeenAfter = Instant.parse(value);
            return this;
        }

        Expected createdBefore(String value) {
            createdBefore = Instant.parse(value);
            return this;
        }

        Expected createdAfter(String value) {
            createdAfter = Instant.parse(value);
            return this;
        }

        Expected githubComUserId(long value) {
            githubComUserId = value;
            return this;
        }

        UserFilter build() {
            return new UserFilter(
                    search,
                    name,
                    statuses,
                    roles,
                    loginTypes,
                    serviceAccount,
                    lastSeenBefore,
                    lastSeenAfter,
                    createdBefore,
                    createdAfter,
                    githubComUserId);
        }
    }
}
