package dev.coderusers.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Test code only: an endpoint that fails unexpectedly, to see what a client and the log get from a 500. Hidden from
 * the OpenAPI document, which the contract tests compare with the reviewed one.
 */
@Path("/api/v2/test-only/failure")
public class FailingTestResource {

    static final String FAILURE = "a failure only the log may show";

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public String fail() {
        throw new IllegalStateException(FAILURE);
    }
}
