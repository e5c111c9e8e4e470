package dev.coderusers.user;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code codersdk.CreateFirstUserResponse}. No session: the client signs in next. */
@Schema(name = "codersdk.CreateFirstUserResponse")
public record CreateFirstUserResponse(
        @Schema(format = "uuid") UUID userId,
        @Schema(format = "uuid") UUID organizationId) {}
