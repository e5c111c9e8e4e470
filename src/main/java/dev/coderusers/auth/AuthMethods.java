package dev.coderusers.auth;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code codersdk.AuthMethods}: which sign-in methods the login page should offer. */
@Schema(name = "codersdk.AuthMethods")
public record AuthMethods(
        @JsonInclude(JsonInclude.Include.NON_EMPTY) String termsOfServiceUrl,
        Password password,
        Github github,
        Oidc oidc) {

    /** {@code codersdk.AuthMethod}. */
    @Schema(name = "codersdk.AuthMethod")
    public record Password(boolean enabled) {}

    /** {@code codersdk.GithubAuthMethod}. */
    @Schema(name = "codersdk.GithubAuthMethod")
    public record Github(boolean enabled, boolean defaultProviderConfigured) {}

    /** {@code codersdk.OIDCAuthMethod}; note Coder's camelCase names here. */
    @Schema(name = "codersdk.OIDCAuthMethod")
    public record Oidc(
            boolean enabled,
            @JsonProperty("signInText") String signInText,
            @JsonProperty("iconUrl") String iconUrl) {}
}
