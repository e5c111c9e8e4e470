package dev.coderusers.user.autofill;

import dev.coderusers.security.CurrentSession;
import dev.coderusers.security.RequiresSession;
import dev.coderusers.user.UserParamResolver;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Build parameter values to prefill a user's next workspace of a template. */
@Path("/api/v2/users/{user}/autofill-parameters")
@Tag(name = "Users")
@Produces(MediaType.APPLICATION_JSON)
@RequiresSession
public class AutofillParameterResource {

    private final AutofillParameterService autofill;
    private final UserParamResolver userParam;
    private final CurrentSession session;

    public AutofillParameterResource(
            AutofillParameterService autofill, UserParamResolver userParam, CurrentSession session) {
        this.autofill = autofill;
        this.userParam = userParam;
        this.session = session;
    }

    @GET
    @Operation(
            operationId = "get-autofill-build-parameters-for-user",
            summary = "Get autofill build parameters for user",
            description = "Coder answers with the latest value of each parameter from the user's builds of the"
                    + " template's workspaces. This service holds no workspaces or builds, so the answer is always"
                    + " [] once the request is valid. template_id is required and must be a UUID; any other query"
                    + " parameter is rejected (as in Coder, this includes a session token passed in the query)."
                    + " Yourself, or any user for owners and user-admins; callers who may see the user but not its"
                    + " personal data (auditor, template-admin) get 404 here, where Coder answers 500.")
    @APIResponse(
            responseCode = "200",
            description = "OK (always [] in this service)",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = UserParameter.class)))
    @APIResponse(responseCode = "400", description = "Invalid query parameters")
    @APIResponse(responseCode = "404", description = "No such user, or not yours to read")
    public List<UserParameter> get(
            @Parameter(description = "User ID, username, or me") @PathParam("user") String user,
            @Parameter(
                            description = "Template ID",
                            required = true,
                            schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @QueryParam("template_id")
                    String templateId,
            @Context UriInfo uri) {
        // The typed parameter documents the API; parsing uses the raw query so that a missing, repeated or
        // unknown parameter gets Coder's messages.
        return autofill.parameters(session.actor(), userParam.resolve(user), uri.getQueryParameters());
    }
}
