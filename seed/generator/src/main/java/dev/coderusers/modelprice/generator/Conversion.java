package dev.coderusers.modelprice.generator;

import dev.coderusers.modelprice.PriceBookRow;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the models.dev catalogue turned into, with everything a reviewer needs to trust the result.
 *
 * @param rows the price book, sorted by {@link PriceBookRow#ORDER}
 * @param rowsPerProvider row count per listed provider, in the order the providers were listed
 * @param skipped models of the listed providers that produced no row, and why
 * @param unexpressed models whose upstream pricing has more than the four flat prices can hold
 * @param warnings values that were rounded or dropped on the way
 * @param ignoredProviders providers present in the source but not listed, with their model counts
 */
public record Conversion(
        List<PriceBookRow> rows,
        Map<String, Integer> rowsPerProvider,
        List<Note> skipped,
        List<Note> unexpressed,
        List<Note> warnings,
        Map<String, Integer> ignoredProviders) {

    /** A remark about one model: {@code provider/model} and what happened to it. */
    public record Note(String model, String detail) {}

    public Conversion {
        rows = List.copyOf(rows);
        rowsPerProvider = Collections.unmodifiableMap(new LinkedHashMap<>(rowsPerProvider));
        skipped = List.copyOf(skipped);
        unexpressed = List.copyOf(unexpressed);
        warnings = List.copyOf(warnings);
        ignoredProviders = Collections.unmodifiableMap(new LinkedHashMap<>(ignoredProviders));
    }
}
