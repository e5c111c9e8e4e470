package dev.coderusers.auth;

import dev.coderusers.user.LoginType;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code codersdk.OAuthConversionResponse}: start the provider's sign-in with {@code oidc_merge_state=<state_string>}
 * before {@code expires_at}, in the browser that received the conversion cookie.
 */
@Schema(name = "codersdk.OAuthConversionResponse")
public record OAuthConversionResponse(Instant expiresAt, String stateString, LoginType toType, UUID userId) {}
