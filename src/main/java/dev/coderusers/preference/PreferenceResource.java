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

/** A user's preference settings: task alert, thinking and code diff display modes. */
@Path("/api/v2/users/{user}/preferences")
@Tag(name = "Users")
@Produces(MediaType.APPLICATION_JSON)
@RequiresSession
public class PreferenceResource {

    private final PreferenceService preferences;
    private final UserParamResolver userParam;
    private final CurrentSession session;

    public PreferenceResource(PreferenceService preferences, UserParamResolver userParam, CurrentSession session) {
        this.preferences = preferences;
        this.userParam = userParam;
        this.session = session;
    }

    @GET
    @Operation(
            operationId = "get-user-preference-settings",
            summary = "Get user preference settings",
            description = "Yourself, or any user for owners and user-admins. Settings never stored read as false,"
                    + " \"auto\" and \"auto\"; a stored mode outside its enumeration reads as \"auto\". Callers who"
                    + " may see the user but not its personal settings (auditor, template-admin) get 404 here, where"
                    + " Coder answers 500.")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = UserPreferenceSettings.class)))
    @APIResponse(responseCode = "404", description = "No such user, or not yours to read")
    public UserPreferenceSettings get(@Parameter(description = "User ID, name, or me") @PathParam("user") String user) {
        return preferences.preferences(session.actor(), userParam.resolve(user));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "update-user-preference-settings",
            summary = "Update user preference settings",
            description = "Partial update in one transaction: a null or absent field, or an empty mode, is left"
                    + " unchanged; the answer is the full set. Callers who may see the user but not change its"
                    + " personal settings (auditor, template-admin) get 404 here, where Coder answers 500.")
    @RequestBody(
            required = true,
            description = "New preference settings",
            content = @Content(schema = @Schema(implementation = UpdateUserPreferenceSettingsRequest.class)))
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = UserPreferenceSettings.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid thinking or code diff display mode, or a body that is not JSON")
    @APIResponse(responseCode = "404", description = "No such user, or not yours to change")
    public UserPreferenceSettings update(
            @Parameter(description = "User ID, name, or me") @PathParam("user") String user,
            UpdateUserPreferenceSettingsRequest request) {
        return preferences.updatePreferences(session.actor(), userParam.target(user), request);
    }
}
