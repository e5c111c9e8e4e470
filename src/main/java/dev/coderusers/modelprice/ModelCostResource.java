package dev.coderusers.modelprice;

import dev.coderusers.security.CurrentSession;
import dev.coderusers.security.RequiresSession;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Prices usage with the price book. */
@Path("/api/v2/ai-model-prices/cost")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ModelPriceResource.TAG)
public class ModelCostResource {

    private final CostService costs;
    private final CurrentSession session;

    public ModelCostResource(CostService costs, CurrentSession session) {
        this.costs = costs;
        this.session = session;
    }

    @POST
    @RequiresSession
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "price-ai-model-usage",
            summary = "Price AI model usage",
            description = "Any signed-in user. Prices one usage or a batch of up to 10 000 with the prices in force"
                    + " at each usage's time (default: now): the owner's price if one was set then, else the"
                    + " seed's; the tier chosen by the input size (input + cache-read + cache-write tokens); the"
                    + " mode if one is named. Micro-USD, decimal arithmetic only: each component exact (tokens x"
                    + " price / 1 000 000), the usage's total rounded half-even to a whole micro-USD, the batch's"
                    + " total the sum of the usages'. An unknown price gives null (never 0) and a reason.")
    @RequestBody(
            required = true,
            description = "The usages to price",
            content = @Content(schema = @Schema(implementation = AiModelCostRequest.class)))
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = AiModelCostResponse.class)))
    @APIResponse(responseCode = "400", description = "No usages, more than 10 000, or an invalid usage")
    public AiModelCostResponse price(AiModelCostRequest request) {
        return costs.price(session.actor(), request);
    }
}
