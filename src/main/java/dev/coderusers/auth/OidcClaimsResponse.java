package dev.coderusers.auth;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code codersdk.OIDCClaimsResponse}: the claims of the user's last OpenID Connect sign-in. */
@Schema(name = "codersdk.OIDCClaimsResponse")
public record OidcClaimsResponse(
        @Schema(
                description = "The merged claims from the OIDC provider: the union of the ID token claims and the"
                        + " userinfo claims, where userinfo claims take precedence on conflict.")
        Map<String, Object> claims) {}
