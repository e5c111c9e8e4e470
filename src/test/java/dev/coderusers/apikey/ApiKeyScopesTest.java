package dev.coderusers.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coderusers.api.ApiException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiKeyScopesTest {

    @Test
    void theExternalScopesAreTheSwaggerEnum() {
        // codersdk.APIKeyScope at the contract's commit has 213 values.
        assertThat(ApiKeyScopes.external()).hasSize(213);
        assertThat(ApiKeyScopes.external())
                .contains(
                        "all",
                        "application_connect",
                        "coder:all",
                        "coder:application_connect",
                        "coder:workspaces.operate",
                        "workspace:ssh",
                        "user:read_personal",
                        "template:*",
                        "ai_model_price:update");
        assertThat(ApiKeyScopes.isExternal("workspace:fly")).isFalse();
        assertThat(ApiKeyScopes.isExternal("coder:everything")).isFalse();
        assertThat(ApiKeyScopes.isExternal("")).isFalse();
    }

    @Test
    void resourceTypesAreThoseOfTheRbacEnum() {
        assertThat(ApiKeyScopes.isResourceType("workspace")).isTrue();
        assertThat(ApiKeyScopes.isResourceType("workspace_agent_resource_monitor"))
                .isTrue();
        assertThat(ApiKeyScopes.isResourceType("*")).isFalse();
        assertThat(ApiKeyScopes.isResourceType("Workspace")).isFalse();
    }

    @Test
    void theLegacyScopePrefersApplicationConnect() {
        assertThat(ApiKeyScopes.legacyScope(List.of("coder:all"))).isEqualTo("all");
        assertThat(ApiKeyScopes.legacyScope(List.of("coder:all", "coder:application_connect")))
                .isEqualTo("application_connect");
        assertThat(ApiKeyScopes.legacyScope(List.of("workspace:read"))).isEmpty();
    }

    @Test
    void requestedScopesAreCanonicalAndUnique() {
        assertThat(ApiKeyService.tokenScopes(null, null)).containsExactly("coder:all");
        assertThat(ApiKeyService.tokenScopes("", List.of())).containsExactly("coder:all");
        assertThat(ApiKeyService.tokenScopes("application_connect", null)).containsExactly("coder:application_connect");
        assertThat(ApiKeyService.tokenScopes("application_connect", List.of("workspace:read")))
                .as("scopes win over the legacy scope")
                .containsExactly("workspace:read");
        assertThat(ApiKeyService.tokenScopes(null, List.of("all", "coder:all", "workspace:ssh", "application_connect")))
                .containsExactly("coder:all", "workspace:ssh", "coder:application_connect");
    }

    @Test
    void anUnknownScopeIsABadRequest() {
        assertThatThrownBy(() -> ApiKeyService.tokenScopes(null, List.of("coder:all", "workspace:fly")))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.body().message()).isEqualTo("Failed to create API key.");
                    assertThat(e.body().detail()).isEqualTo("invalid or unsupported API key scope: \"workspace:fly\"");
                });
        assertThatThrownBy(() -> ApiKeyService.tokenScopes("root", null))
                .isInstanceOfSatisfying(
                        ApiException.class,
                        e -> assertThat(e.body().detail()).isEqualTo("invalid or unsupported API key scope: \"root\""));
        assertThatThrownBy(() -> ApiKeyService.tokenScopes(null, Arrays.asList((String) null)))
                .isInstanceOfSatisfying(
                        ApiException.class,
                        e -> assertThat(e.body().detail()).isEqualTo("invalid or unsupported API key scope: \"\""));
    }
}
