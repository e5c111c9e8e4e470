package dev.coderusers.openapi;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The API as a whole: title, Coder's session-token security scheme and the named string enumerations of
 * Coder's swagger that plain {@code String} fields refer to. SmallRye reads {@code @OpenAPIDefinition} only
 * from an {@link Application} subclass; this one declares no path and no classes, so every resource is still
 * discovered and served from the root.
 *
 * <p>Which operations need the session token, and the error statuses every operation shares, are added by
 * {@link OpenApiContractFilter}.
 */
@OpenAPIDefinition(
        info =
                @Info(
                        title = "coder-users",
                        version = "2.0",
                        description =
                                "Coder's Users API (/api/v2/users…), wire-compatible with Coder's server, and the AI"
                                        + " model price book."),
        components =
                @Components(
                        schemas = {
                            @Schema(
                                    name = "codersdk.TerminalFontName",
                                    type = SchemaType.STRING,
                                    enumeration = {
                                        "",
                                        "geist-mono",
                                        "ibm-plex-mono",
                                        "fira-code",
                                        "source-code-pro",
                                        "jetbrains-mono"
                                    }),
                            @Schema(
                                    name = "codersdk.ThinkingDisplayMode",
                                    type = SchemaType.STRING,
                                    enumeration = {"auto", "preview", "always_expanded", "always_collapsed"}),
                            @Schema(
                                    name = "codersdk.AgentDisplayMode",
                                    type = SchemaType.STRING,
                                    enumeration = {"auto", "always_expanded", "always_collapsed"})
                        }))
@SecurityScheme(
        securitySchemeName = OpenApiContractFilter.SESSION_TOKEN,
        type = SecuritySchemeType.APIKEY,
        in = SecuritySchemeIn.HEADER,
        apiKeyName = "Coder-Session-Token",
        description = "A session token from POST /api/v2/users/login or a token from POST"
                + " /api/v2/users/{user}/keys/tokens. The service also takes it from the coder_session_token cookie"
                + " or query parameter and from Authorization: Bearer, as Coder does.")
public class OpenApiDefinition extends Application {}
