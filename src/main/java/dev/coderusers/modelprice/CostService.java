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
        Problems problems = new Problems();
        List<Usage> usages = new ArrayList<>(given.size());
        for (int i = 0; i < given.size(); i++) {
            AiModelCostRequest.Usage usage = given.get(i);
            int before = problems.count;
            if (usage == null) {
                problems.add(i, null, "must be an object, got null");
                continue;
            }
            problems.add(i, "provider", ModelIds.providerProblem(usage.provider()));
            problems.add(i, "model", ModelIds.modelProblem(usage.model()));
            problems.add(i, "input_tokens", tokensProblem(usage.inputTokens()));
            problems.add(i, "output_tokens", tokensProblem(usage.outputTokens()));
            problems.add(i, "cache_read_tokens", tokensProblem(usage.cacheReadTokens()));
            problems.add(i, "cache_write_tokens", tokensProblem(usage.cacheWriteTokens()));
            if (usage.mode() != null && usage.mode().isEmpty()) {
                problems.add(i, "mode", "must not be empty; leave it out for the model's base prices");
            }
            if (problems.count == before) {
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
        if (problems.count > 0) {
            throw new ApiException(
                    400,
                    new ApiError(
                            INVALID_USAGE,
                            problems.count > problems.listed.size()
                                    ? problems.count + " problems; the first " + problems.listed.size() + " are listed."
                                    : null,
                            problems.listed));
        }
        return usages;
    }

    /**
     * The problems of a batch: all counted, the first {@link #MAX_LISTED_PROBLEMS} listed. Field names are only
     * built for a problem, not for the 60 000 fields of a good batch.
     */
    private static final class Problems {
        final List<ValidationError> listed = new ArrayList<>();
        int count;

        void add(int index, String field, String problem) {
            if (problem == null) {
                return;
            }
            count++;
            if (listed.size() < MAX_LISTED_PROBLEMS) {
                String usage = "usages[" + index + "]";
                listed.add(
                        field == null
                                ? new ValidationError(usage, problem)
                                : new ValidationError(usage + "." + field, field + " " + problem));
            }
        }
    }

    private static String tokensProblem(Long tokens) {
        if (tokens == null) {
            return "is required (0 when none were used)";
        }
        return tokens < 0 ? "must not be negative, got " + tokens : null;
    }
}
