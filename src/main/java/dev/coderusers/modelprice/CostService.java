package dev.coderusers.modelprice;

import dev.coderusers.api.ApiError;
import dev.coderusers.api.ApiException;
import dev.coderusers.api.RequestBodies;
import dev.coderusers.api.ValidationError;
import dev.coderusers.role.Permissions;
import dev.coderusers.security.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Prices usage: one query reads the whole history of every model the batch names ({@link PriceHistory#changesOf}),
 * then each usage is priced in memory with the price list in force at its time ({@link CostCalculator}).
 */
@ApplicationScoped
public class CostService {

    /** The largest batch, and so the largest answer (about 4 MB of JSON), one request may ask for. */
    public static final int MAX_USAGES = 10_000;

    static final String INVALID_USAGE = "Invalid usage.";

    /** A batch of bad usages is answered with this many problems at most, not one per field of 10 000 usages. */
    static final int MAX_LISTED_PROBLEMS = 50;

    private final PriceHistory history;
    private final PriceClock clock;

    public CostService(PriceHistory history, PriceClock clock) {
        this.history = history;
        this.clock = clock;
    }

    public AiModelCostResponse price(Actor actor, AiModelCostRequest request) {
        if (!Permissions.canReadModelPrices(actor)) {
            throw ApiException.forbidden();
        }
        Instant now = clock.now();
        List<Usage> usages = read(RequestBodies.present(request), now);
        List<UsageCost> costs = price(usages);

        List<AiModelCostResponse.UsageCost> results = new ArrayList<>(costs.size());
        long total = 0;
        int unpriced = 0;
        boolean overflow = false;
        for (UsageCost cost : costs) {
            results.add(AiModelCostResponse.UsageCost.of(cost));
            if (cost.total() == null) {
                unpriced++;
            } else if (!overflow) {
                try {
                    total = Math.addExact(total, cost.total());
                } catch (ArithmeticException e) {
                    overflow = true;
                }
            }
        }
        // Overflowing 64 bits needs totals of about 9.2 trillion USD; null, as for any total that cannot be given.
        Long batchTotal = unpriced == 0 && !overflow ? total : null;
        return new AiModelCostResponse(now, batchTotal, unpriced, results);
    }

    /** Prices valid usages; the models' histories are read with one query. */
    public List<UsageCost> price(List<Usage> usages) {
        Set<ModelKey> models = new LinkedHashSet<>();
        for (Usage usage : usages) {
            models.add(usage.key());
        }
        Map<ModelKey, PriceTimeline> timelines = new HashMap<>();
        history.changesOf(models).forEach((model, changes) -> timelines.put(model, PriceTimeline.of(changes)));
        List<UsageCost> costs = new ArrayList<>(usages.size());
        for (Usage usage : usages) {
            costs.add(CostCalculator.price(usage, timelines.get(usage.key())));
        }
        return costs;
    }

    /** The usages of the request, or 400 listing what is wrong (field names with the usage's index). */
    private static List<Usage> read(AiModelCostRequest request, Instant now) {
        List<AiModelCostRequest.Usage> given = request.usages();
        if (given == null || given.isEmpty()) {
            throw ApiException.badRequest(
                    INVALID_USAGE, "usages", "at least one usage is required (at most " + MAX_USAGES + ")");
        }
        if (given.size() > MAX_USAGES) {
            throw ApiException.badRequest(
                    INVALID_USAGE,
                    "usages",
                    "at most " + MAX_USAGES + " usages per request, got " + given.size() + "; split the batch");
        }
        List<ValidationError> problems = new ArrayList<>();
        int problemCount = 0;
        List<Usage> usages = new ArrayList<>(given.size());
        for (int i = 0; i < given.size(); i++) {
            AiModelCostRequest.Usage usage = given.get(i);
            String at = "usages[" + i + "].";
            List<ValidationError> found = new ArrayList<>();
            if (usage == null) {
                found.add(new ValidationError("usages[" + i + "]", "must be an object, got null"));
            } else {
                check(found, at + "provider", ModelIds.providerProblem(usage.provider()));
                check(found, at + "model", ModelIds.modelProblem(usage.model()));
                check(found, at + "input_tokens", tokensProblem(usage.inputTokens()));
                check(found, at + "output_tokens", tokensProblem(usage.outputTokens()));
                check(found, at + "cache_read_tokens", tokensProblem(usage.cacheReadTokens()));
                check(found, at + "cache_write_tokens", tokensProblem(usage.cacheWriteTokens()));
                if (usage.mode() != null && usage.mode().isEmpty()) {
                    check(found, at + "mode", "must not be empty; leave it out for the model's base prices");
                }
            }
            problemCount += found.size();
            for (ValidationError problem : found) {
                if (problems.size() < MAX_LISTED_PROBLEMS) {
                    problems.add(problem);
                }
            }
            if (found.isEmpty()) {
                usages.add(new Usage(
                        usage.provider(),
                        usage.model(),
                        usage.inputTokens(),
                        usage.outputTokens(),
                        usage.cacheReadTokens(),
                        usage.cacheWriteTokens(),
                        usage.mode(),
                        usage.at() == null ? now : usage.at()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ApiException(
                    400,
                    new ApiError(
                            INVALID_USAGE,
                            problemCount > problems.size()
                                    ? problemCount + " problems; the first " + problems.size() + " are listed."
                                    : null,
                            problems));
        }
        return usages;
    }

    private static void check(List<ValidationError> problems, String field, String problem) {
        if (problem != null) {
            problems.add(new ValidationError(field, field.substring(field.lastIndexOf('.') + 1) + " " + problem));
        }
    }

    private static String tokensProblem(Long tokens) {
        if (tokens == null) {
            return "is required (0 when none were used)";
        }
        return tokens < 0 ? "must not be negative, got " + tokens : null;
    }
}
