package dev.coderusers.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UsernamesTest {

    private final Random random = new Random(7);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "alice,alice",
        "alice@example.com,alice",
        "Alice.Smith@example.com,AliceSmith",
        "a_b-c@example.com,ab-c",
        "first.last+tag@x@example.com,firstlasttagx",
    })
    void derivesUsernamesAsCoderDoes(String raw, String expected) {
        assertThat(Usernames.from(raw, random)).isEqualTo(expected);
    }

    @Test
    void fallsBackToARandomNameWhenNothingUsableRemains() {
        for (String raw : new String[] {"", "@example.com", "---", "new", "éèà", "x".repeat(40)}) {
            String username = Usernames.from(raw, random);
            assertThat(Usernames.valid(username)).as(raw).isTrue();
            assertThat(username).matches("[a-z]+-[a-z]+[0-9]");
        }
    }

    @Test
    void alternativesAppendAValidRandomSuffix() {
        String alternative = Usernames.alternative("prebuilds", random);
        assertThat(alternative).matches("prebuilds-[a-z]+[0-9]");
        assertThat(Usernames.valid(alternative)).isTrue();
        // Too long with the suffix: Coder falls back to a random name, which is still valid.
        assertThat(Usernames.valid(Usernames.alternative("x".repeat(30), random)))
                .isTrue();
    }

    @Test
    void randomNamesLookLikeDockersWithARetryDigit() {
        assertThat(Usernames.randomName(random)).matches("[a-z]+_[a-z]+[0-9]");
    }

    @Test
    void realNamesAreTrimmedAndCutAt128BytesOnACharacterBoundary() {
        assertThat(Usernames.normalizeRealName("  Ada Lovelace  ")).isEqualTo("Ada Lovelace");
        assertThat(Usernames.normalizeRealName(null)).isEmpty();
        String cut = Usernames.normalizeRealName("é".repeat(100));
        assertThat(cut).isEqualTo("é".repeat(64));
        assertThat(Usernames.normalizeRealName("a".repeat(127) + " b")).isEqualTo("a".repeat(127));
    }

    @Test
    void githubLoginsTradeUnderscoresForHyphens() {
        assertThat(GithubSignInService.username("octo_cat")).isEqualTo("octo-cat");
        assertThat(GithubSignInService.username("octocat")).isEqualTo("octocat");
        assertThat(Usernames.valid(GithubSignInService.username("a".repeat(39))))
                .isTrue();
    }
}
