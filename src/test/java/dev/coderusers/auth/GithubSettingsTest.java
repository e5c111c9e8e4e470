package dev.coderusers.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coderusers.config.GithubOAuthConfig;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GithubSettingsTest {

    private record Config(
            Optional<String> clientId,
            Optional<String> clientSecret,
            Optional<List<String>> allowedOrgs,
            Optional<List<String>> allowedTeams,
            boolean allowSignups,
            boolean allowEveryone,
            boolean deviceFlow,
            Optional<String> enterpriseBaseUrl)
            implements GithubOAuthConfig {}

    private static Config config(List<String> orgs, List<String> teams, boolean everyone, String enterprise) {
        return new Config(
                Optional.of("client"),
                Optional.of("secret"),
                Optional.of(orgs),
                Optional.of(teams),
                false,
                everyone,
                false,
                Optional.ofNullable(enterprise));
    }

    @Test
    void githubDotComByDefault() {
        GithubSettings settings = new GithubSettings(config(List.of("acme"), List.of("acme/builders"), false, null));
        assertThat(settings.githubDotCom()).isTrue();
        assertThat(settings.authorizeUri()).isEqualTo(URI.create("https://github.com/login/oauth/authorize"));
        assertThat(settings.tokenUri()).isEqualTo(URI.create("https://github.com/login/oauth/access_token"));
        assertThat(settings.deviceCodeUri()).isEqualTo(URI.create("https://github.com/login/device/code"));
        assertThat(settings.apiBase()).isEqualTo(URI.create("https://api.github.com/"));
        assertThat(settings.allowedTeams()).containsExactly(new GithubSettings.Team("acme", "builders"));
    }

    @Test
    void enterpriseServersServeTheApiUnderApiV3() {
        GithubSettings settings =
                new GithubSettings(config(List.of("acme"), List.of(), false, "https://ghe.example.com/"));
        assertThat(settings.githubDotCom()).isFalse();
        assertThat(settings.authorizeUri()).isEqualTo(URI.create("https://ghe.example.com/login/oauth/authorize"));
        assertThat(settings.apiBase()).isEqualTo(URI.create("https://ghe.example.com/api/v3/"));
    }

    @Test
    void refusesContradictoryOrIncompleteSettings() {
        assertThatThrownBy(() -> new GithubSettings(config(List.of(), List.of(), false, null)))
                .hasMessageContaining("coder-users.oauth2.github.allowed-orgs is empty");
        assertThatThrownBy(() -> new GithubSettings(config(List.of("acme"), List.of(), true, null)))
                .hasMessageContaining("allow-everyone cannot be combined");
        assertThatThrownBy(() -> new GithubSettings(config(List.of("acme"), List.of("builders"), false, null)))
                .hasMessageContaining("\"builders\" is not of the form <organization>/<team-slug>");
        assertThatThrownBy(() -> new GithubSettings(config(List.of("acme"), List.of(), false, "ghe.example.com")))
                .hasMessageContaining("enterprise-base-url");
        Config noSecret = new Config(
                Optional.of("client"),
                Optional.empty(),
                Optional.of(List.of("acme")),
                Optional.empty(),
                false,
                false,
                false,
                Optional.empty());
        assertThatThrownBy(() -> new GithubSettings(noSecret)).hasMessageContaining("client-secret is required");
    }

    @Test
    void notConfiguredSettingsAreNotChecked() {
        Config off = new Config(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                false,
                false,
                false,
                Optional.empty());
        assertThat(new GithubSettings(off).configured()).isFalse();
    }
}
