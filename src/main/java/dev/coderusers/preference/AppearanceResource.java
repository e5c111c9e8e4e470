package dev.coderusers.preference;

import dev.coderusers.security.CurrentSession;
import dev.coderusers.security.RequiresSession;
import dev.coderusers.user.UserParamResolver;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A user's appearance settings: theme and terminal font. */
@Path("/api/v2/users/{user}/appearance")
@Tag(name = "Users")
@Produces(MediaType.APPLICATION_JSON)
@RequiresSession
public class AppearanceResource {

    private final PreferenceService preferences;
    private final UserParamResolver userParam;
    private final CurrentSession session;

    public AppearanceResource(PreferenceService preferences, UserParamResolver userParam, CurrentSession session) {
        this.preferences = preferences;
        this.userParam = userParam;
        this.session = session;
    }

    @GET
    @Operation(
            operationId = "get-user-appearance-settings",
            summary = "Get user appearance settings",
            description = "Yourself, or any user for owners and user-admins. Both fields are \"\" until set."
                    + " Callers who may see the user but not its personal settings (auditor, template-admin) get"
                    + " 404 here, where Coder answers 500.")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = UserAppearanceSettings.class)))
    @APIResponse(responseCode = "404", description = "No such user, or not yours to read")
    public UserAppearanceSettings get(@Parameter(description = "User ID, name, or me") @PathParam("user") String user) {
        return preferences.appearance(session.actor(), userParam.resolve(user));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "update-user-appearance-settings",
            summary = "Update user appearance settings",
            description = "Replaces both settings. terminal_font must be one of geist-mono, ibm-plex-mono,"
                    + " fira-code, source-code-pro, jetbrains-mono. Callers who may see the user but not change its"
                    + " personal settings (auditor, template-admin) get 404 here, where Coder answers 500.")
    @RequestBody(
            required = true,
            description = "New appearance settings",
            content = @Content(schema = @Schema(implementation = UpdateUserAppearanceSettingsRequest.class)))
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = UserAppearanceSettings.class)))
    @APIResponse(
            responseCode = "400",
            description = "Missing field, unsupported font family, or a body that is not JSON")
    @APIResponse(responseCode = "404", description = "No such user, or not yours to change")
    public UserAppearanceSettings update(
            @Parameter(description = "User ID, name, or me") @PathParam("user") String user,
            UpdateUserAppearanceSettingsRequest request) {
        return preferences.updateAppearance(session.actor(), userParam.target(user), request);
    }
}
