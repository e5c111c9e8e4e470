package dev.coderusers.user;

import dev.coderusers.organization.OrganizationResponse;
import dev.coderusers.organization.OrganizationService;
import dev.coderusers.security.CurrentSession;
import dev.coderusers.security.RequiresSession;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The organizations of a user, as the Users API shows them. */
@Path("/api/v2/users/{user}/organizations")
@Tag(name = "Users")
@Produces(MediaType.APPLICATION_JSON)
@RequiresSession
public class UserOrganizationResource {

    private final OrganizationService organizations;
    private final UserParamResolver userParam;
    private final CurrentSession session;

    public UserOrganizationResource(
            OrganizationService organizations, UserParamResolver userParam, CurrentSession session) {
        this.organizations = organizations;
        this.userParam = userParam;
        this.session = session;
    }

    @GET
    @Operation(
            operationId = "get-organizations-by-user",
            summary = "Get organizations by user",
            description = "The organizations the user is a member of that the caller may read (owners,"
                    + " user-admins, template-admins and auditors read all; others the ones they belong to);"
                    + " [] when none.")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = OrganizationResponse.class)))
    @APIResponse(responseCode = "404", description = "No such user, or not yours to see")
    public List<OrganizationResponse> list(
            @Parameter(description = "User ID, name, or me") @PathParam("user") String user) {
        return organizations.organizationsOf(session.actor(), userParam.resolve(user).id);
    }

    @GET
    @Path("{organizationname}")
    @Operation(
            operationId = "get-organization-by-user-and-organization-name",
            summary = "Get organization by user and organization name",
            description = "The organization of that name (case-insensitive) if the caller may read it. As in Coder,"
                    + " the user is only checked to exist and be visible: the organization need not be one of"
                    + " theirs.")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = OrganizationResponse.class)))
    @APIResponse(responseCode = "404", description = "No such user or organization, or not yours to see")
    public OrganizationResponse byName(
            @Parameter(description = "User ID, name, or me") @PathParam("user") String user,
            @Parameter(description = "Organization name") @PathParam("organizationname") String organizationName) {
        userParam.resolve(user);
        return organizations.organizationByName(session.actor(), organizationName);
    }
}
