package dev.coderusers.modelprice;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coderusers.api.ApiException;
import dev.coderusers.api.QueryParamParser;
import dev.coderusers.role.Permissions;
import dev.coderusers.security.CurrentSession;
import dev.coderusers.security.RequiresSession;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The AI model price book: the prices in force (the seed's, or an owner's), their history, owners' prices, and
 * the cost of usage.
 * Everyone signed in reads; owners set and clear prices. Not part of Coder's API: its own tag.
 */
@Path("/api/v2/ai-model-prices")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = ModelPriceResource.TAG,
        description = "This service's AI model price book, not part of Coder's API: the prices in force (the"
                + " seed's or an owner's), their history, owners' prices, and the cost of usage in micro-USD.")
public class ModelPriceResource {

    static final String TAG = "AI model prices";

    // Model ids may contain "/" (groq's openai/gpt-oss-120b): the model is the rest of the path.
    private static final String MODEL_PATH = "/{provider}/{model: .+}";

    private final ModelPriceService prices;
    private final PriceOverrideService overrides;
    private final CostService costs;
    private final CurrentSession session;

    public ModelPriceResource(
            ModelPriceService prices, PriceOverrideService overrides, CostService costs, CurrentSession session) {
        this.prices = prices;
        this.overrides = overrides;
        this.costs = costs;
        this.session = session;
    }

    @GET
    @RequiresSession
    @Operation(
            operationId = "list-ai-model-prices",
            summary = "List AI model prices",
            description = "The prices in force for every model (also models that have left the seed, and models"
                    + " only an owner priced), ordered by provider and model: an owner's price where one is set,"
                    + " else the seed's. Prices are micro-USD per 1 000 000 tokens; null = unknown, 0 = free.")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = AiModelPriceResponse.class)))
    @APIResponse(responseCode = "400", description = "A filter that cannot be a provider or model id")
    public List<AiModelPriceResponse> list(
            @Parameter(description = "Only this provider (exact), e.g. anthropic") @QueryParam("provider")
                    String provider,
            @Parameter(description = "Only this model id (exact)") @QueryParam("model") String model) {
        requireRead();
        return prices.list(provider, model);
    }

    @GET
    @Path("/history")
    @RequiresSession
    @Operation(
            operationId = "list-ai-model-price-changes",
            summary = "List AI model price changes",
            description = "Every change of a model's prices, oldest first: by the seed (with the seed file's"
                    + " checksum) and by owners (with the owner's user id), each with the time it took effect.")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content =
                    @Content(
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            implementation = AiModelPriceChangeResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid filter or paging parameters")
    public List<AiModelPriceChangeResponse> history(
            @Parameter(description = "Only this provider (exact)") @QueryParam("provider") String provider,
            @Parameter(description = "Only this model id (exact)") @QueryParam("model") String model,
            @Parameter(
                            description = "Page limit (0: no limit)",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0"))
                    @QueryParam("limit")
                    String limit,
            @Parameter(
                            description = "Page offset",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0"))
                    @QueryParam("offset")
                    String offset,
            @Context UriInfo uri) {
        requireRead();
        // The typed parameters document the API; the raw values are parsed as Coder parses paging parameters.
        QueryParamParser parser = new QueryParamParser();
        int pageLimit = parser.positiveInt32(uri.getQueryParameters(), "limit", 0);
        int pageOffset = parser.positiveInt32(uri.getQueryParameters(), "offset", 0);
        if (parser.hasErrors()) {
            throw ApiException.badRequest(ModelPriceService.INVALID_QUERY, parser.errors());
        }
        return prices.history(provider, model, pageLimit, pageOffset);
    }

    // In this class rather than a resource of its own: a class at ".../cost" would take every path below it,
    // and the provider "cost" could not be priced by PUT /ai-model-prices/cost/{model} any more.
    @POST
    @Path("/cost")
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

    @GET
    @Path(MODEL_PATH)
    @RequiresSession
    @Operation(
            operationId = "get-ai-model-price",
            summary = "Get AI model price",
            description = "The prices in force for one model: an owner's where one is set, else the seed's.")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = AiModelPriceResponse.class)))
    @APIResponse(responseCode = "400", description = "The provider or model cannot be an id")
    @APIResponse(responseCode = "404", description = "No price is known for the model")
    public AiModelPriceResponse get(
            @Parameter(description = "Provider id, e.g. openai") @PathParam("provider") String provider,
            @Parameter(description = "Model id; may contain \"/\"") @PathParam("model") String model) {
        requireRead();
        return prices.get(provider, model);
    }

    @PUT
    @Path(MODEL_PATH)
    @RequiresSession
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "set-ai-model-price",
            summary = "Set AI model price",
            description = "Owners only. Sets the owner's price list of a model, also of one the seed does not know"
                    + " (self-hosted or negotiated prices). It replaces the model's whole list (base prices, tiers,"
                    + " modes) and wins over the seed's until cleared; a re-seed never overwrites it. The change is"
                    + " recorded in the history, effective now.")
    @RequestBody(
            required = true,
            description = "The price list; all four price keys are required (null = unknown, 0 = free)",
            content = @Content(schema = @Schema(implementation = AiModelPriceRequest.class)))
    @APIResponse(
            responseCode = "200",
            description = "The model's prices in force, now the owner's",
            content = @Content(schema = @Schema(implementation = AiModelPriceResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid provider, model or price list")
    @APIResponse(responseCode = "403", description = "The caller is not an owner")
    public AiModelPriceResponse set(
            @Parameter(description = "Provider id, e.g. openai") @PathParam("provider") String provider,
            @Parameter(description = "Model id; may contain \"/\"") @PathParam("model") String model,
            JsonNode body) {
        return overrides.set(session.actor(), provider, model, body);
    }

    @DELETE
    @Path(MODEL_PATH)
    @RequiresSession
    @Operation(
            operationId = "clear-ai-model-price",
            summary = "Clear AI model price",
            description = "Owners only. Clears the owner's price of a model: the seed's price (if the seed knows"
                    + " the model) is in force again from now on. Recorded in the history.")
    @APIResponse(responseCode = "204", description = "Cleared")
    @APIResponse(responseCode = "400", description = "The provider or model cannot be an id")
    @APIResponse(responseCode = "403", description = "The caller is not an owner")
    @APIResponse(responseCode = "404", description = "No owner's price is set for the model")
    public void clear(
            @Parameter(description = "Provider id, e.g. openai") @PathParam("provider") String provider,
            @Parameter(description = "Model id; may contain \"/\"") @PathParam("model") String model) {
        overrides.clear(session.actor(), provider, model);
    }

    private void requireRead() {
        if (!Permissions.canReadModelPrices(session.actor())) {
            throw ApiException.forbidden();
        }
    }
}
