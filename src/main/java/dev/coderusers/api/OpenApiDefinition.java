package dev.coderusers.api;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The API as a whole: title, and Coder's session-token security scheme. */
@OpenAPIDefinition(
        info =
                @Info(
                        title = "coder-users",
                        version = "2.0",
                        description =
                                "Coder's Users API (/api/v2/users…), wire-compatible with Coder's server, and the AI"
                                        + " model price book."))
@SecurityScheme(
        securitySchemeName = "CoderSessionToken",
        type = SecuritySchemeType.APIKEY,
        in = SecuritySchemeIn.HEADER,
        apiKeyName = "Coder-Session-Token",
        description = "A session token from POST /api/v2/users/login or a token from POST /users/{user}/keys/tokens.")
public final class OpenApiDefinition {

    private OpenApiDefinition() {}
}
