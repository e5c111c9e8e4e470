package dev.coderusers.sshkey;

import dev.coderusers.security.CurrentSession;
import dev.coderusers.security.RequiresSession;
import dev.coderusers.user.UserParamResolver;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A user's git SSH key: the public key, and regeneration. */
@Path("/api/v2/users/{user}/gitsshkey")
@Tag(name = "Users")
@Produces(MediaType.APPLICATION_JSON)
@RequiresSession
public class GitSshKeyResource {

    private final GitSshKeyService keys;
    private final UserParamResolver userParam;
    private final CurrentSession session;

    public GitSshKeyResource(GitSshKeyService keys, UserParamResolver userParam, CurrentSession session) {
        this.keys = keys;
        this.userParam = userParam;
        this.session = session;
    }

    @GET
    @Operation(
            operationId = "get-user-git-ssh-key",
            summary = "Get user Git SSH key",
            description = "Yourself, or any user for owners and user-admins. The private key is never returned."
                    + " Callers who may see the user but not its personal data (auditor, template-admin) get 404"
                    + " here, where Coder answers 500.")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = GitSshKeyResponse.class)))
    @APIResponse(responseCode = "404", description = "No such user, or not yours to read")
    public GitSshKeyResponse get(@Parameter(description = "User ID, name, or me") @PathParam("user") String user) {
        return keys.key(session.actor(), userParam.resolve(user));
    }

    @PUT
    @Operation(
            operationId = "regenerate-user-ssh-key",
            summary = "Regenerate user SSH key",
            description = "Replaces the key pair with a new one of the configured algorithm"
                    + " (coder-users.git-ssh-key.algorithm: ed25519, ecdsa or rsa4096); created_at is kept. The"
                    + " private key is stored, never returned. Callers who may see the user but not change its"
                    + " personal data (auditor, template-admin) get 404 here, where Coder answers 500.")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = GitSshKeyResponse.class)))
    @APIResponse(responseCode = "404", description = "No such user, or not yours to change")
    public GitSshKeyResponse regenerate(
            @Parameter(description = "User ID, name, or me") @PathParam("user") String user) {
        return keys.regenerate(session.actor(), userParam.target(user));
    }
}
