package dev.coderusers.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

class RedirectPathsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "/workspaces|/workspaces",
                "/templates?filter=owner:me|/templates?filter=owner:me",
                "/a/b/|/a/b/",
                "https://evil.example.com/steal|/steal",
                "https://evil.example.com|/",
                "//evil.example.com/steal|/steal",
                "///evil.example.com|/evil.example.com",
                "/\\evil.example.com|/%5Cevil.example.com",
                "\\\\evil.example.com|/%5C%5Cevil.example.com",
                "/a/..//evil.example.com|/evil.example.com",
                "/../../etc|/etc",
                "javascript:alert(1)|/",
                "http:evil.example.com|/",
                "workspaces|/workspaces",
                "/path with space?q=a b|/path%20with%20space?q=a%20b",
                "/x#fragment|/x",
            })
    void keepsOnlyALocalPath(String requested, String expected) {
        assertThat(RedirectPaths.local(requested)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void defaultsToTheRoot(String requested) {
        assertThat(RedirectPaths.local(requested)).isEqualTo("/");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "//evil.example.com",
                "/\\/evil.example.com",
                "https:////evil.example.com",
                "/%0d%0aLocation: https://evil.example.com",
                "\t//evil.example.com",
            })
    void neverAnswersSomethingABrowserReadsAsAnotherHost(String requested) {
        String local = RedirectPaths.local(requested);
        assertThat(local).startsWith("/").doesNotStartWith("//").doesNotContain("\\");
        assertThat(local).doesNotContain("\r").doesNotContain("\n");
    }
}
