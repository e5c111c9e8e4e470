package dev.coderusers.modelprice;

import dev.coderusers.security.RequiresSession;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The AI model price book, read-only: it is maintained by the seed applied at every start. */
@Path("/api/v2/ai-model-prices")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "AI model prices")
public class ModelPriceResource {

    private final ModelPriceService prices;

    public ModelPriceResource(ModelPriceService prices) {
        this.prices = prices;
    }

    @GET
    @RequiresSession
    @Operation(
            operationId = "list-ai-model-prices",
            summary = "List AI model prices",
            description = "Every row of the price book (also models that have left the seed), ordered by provider"
                    + " and model. Prices are micro-USD per 1 000 000 tokens; null = unknown, 0 = free.")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = AiModelPriceResponse.class)))
    public List<AiModelPriceResponse> list(
            @Parameter(description = "Only this provider (exact), e.g. anthropic") @QueryParam("provider")
                    String provider,
            @Parameter(description = "Only this model id (exact)") @QueryParam("model") String model) {
        return prices.list(provider, model);
    }
}
