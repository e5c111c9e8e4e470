package dev.coderusers.modelprice;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/** Reads the price book. */
@ApplicationScoped
public class ModelPriceService {

    /** Rows, optionally only one provider and/or one model (exact match), ordered by provider then model. */
    @Transactional
    public List<AiModelPriceResponse> list(String provider, String model) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (provider != null && !provider.isEmpty()) {
            where.append(" and provider = :provider");
            parameters.and("provider", provider);
        }
        if (model != null && !model.isEmpty()) {
            where.append(" and model = :model");
            parameters.and("model", model);
        }
        return AiModelPrice.<AiModelPrice>find(
                        where.toString(), Sort.by("provider").and("model"), parameters)
                .stream()
                .map(AiModelPriceResponse::of)
                .toList();
    }
}
