package dev.coderusers.modelprice.generator;

import dev.coderusers.modelprice.PriceBookRow;
import dev.coderusers.modelprice.PriceMode;
import dev.coderusers.modelprice.PriceTier;
import dev.coderusers.modelprice.TokenPrices;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The row-level difference between the current price book and a new one: what a reviewer of a refresh
 * commit needs to read instead of the raw file diff.
 *
 * @param added rows only in the new book
 * @param removed rows only in the current book
 * @param changed rows in both whose prices differ
 */
public record PriceBookDiff(List<PriceBookRow> added, List<PriceBookRow> removed, List<Change> changed) {

    /** One model whose prices differ. */
    public record Change(PriceBookRow before, PriceBookRow after) {

        /** E.g. {@code input_price 2500000 -> 3000000, cache_write_price null -> 3750000}. */
        public String describe() {
            List<String> parts = new ArrayList<>();
            part(parts, "input_price", before.inputPrice(), after.inputPrice());
            part(parts, "output_price", before.outputPrice(), after.outputPrice());
            part(parts, "cache_read_price", before.cacheReadPrice(), after.cacheReadPrice());
            part(parts, "cache_write_price", before.cacheWritePrice(), after.cacheWritePrice());
            part(parts, "tiers", tiers(before.tiers()), tiers(after.tiers()));
            part(parts, "modes", modes(before.modes()), modes(after.modes()));
            return String.join(", ", parts);
        }

        private static void part(List<String> parts, String name, Object before, Object after) {
            if (!Objects.equals(before, after)) {
                parts.add(name + " " + before + " -> " + after);
            }
        }
    }

    public PriceBookDiff {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
    }

    public static PriceBookDiff between(List<PriceBookRow> current, List<PriceBookRow> fresh) {
        Map<String, PriceBookRow> before = index(current);
        Map<String, PriceBookRow> after = index(fresh);
        List<PriceBookRow> added = new ArrayList<>();
        List<PriceBookRow> removed = new ArrayList<>();
        List<Change> changed = new ArrayList<>();
        for (PriceBookRow row : after.values()) {
            PriceBookRow old = before.get(identity(row));
            if (old == null) {
                added.add(row);
            } else if (!old.samePrices(row)) {
                changed.add(new Change(old, row));
            }
        }
        for (PriceBookRow row : before.values()) {
            if (!after.containsKey(identity(row))) {
                removed.add(row);
            }
        }
        return new PriceBookDiff(added, removed, changed);
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }

    /** The prices of a row, for the "added" list: the four, then tiers and modes when it has some. */
    static String prices(PriceBookRow row) {
        String prices = fourPrices(row);
        if (!row.tiers().isEmpty()) {
            prices += ", tiers " + tiers(row.tiers());
        }
        if (!row.modes().isEmpty()) {
            prices += ", modes " + modes(row.modes());
        }
        return prices;
    }

    private static String fourPrices(TokenPrices prices) {
        return "input " + prices.inputPrice() + ", output " + prices.outputPrice() + ", cache_read "
                + prices.cacheReadPrice() + ", cache_write " + prices.cacheWritePrice();
    }

    /** E.g. {@code [above 272000: input 5000000, output 22500000, cache_read 500000, cache_write null]}. */
    static String tiers(List<PriceTier> tiers) {
        return tiers.stream()
                .map(tier -> "above " + tier.aboveInputTokens() + ": " + fourPrices(tier))
                .collect(Collectors.joining("; ", "[", "]"));
    }

    /** E.g. {@code {fast: input 30000000, output 150000000, cache_read 3000000, cache_write 37500000}}. */
    static String modes(Map<String, PriceMode> modes) {
        return modes.entrySet().stream()
                .map(mode -> mode.getKey() + ": " + fourPrices(mode.getValue())
                        + (mode.getValue().tiers().isEmpty()
                                ? ""
                                : ", tiers " + tiers(mode.getValue().tiers())))
                .collect(Collectors.joining("; ", "{", "}"));
    }

    private static Map<String, PriceBookRow> index(List<PriceBookRow> rows) {
        Map<String, PriceBookRow> index = new LinkedHashMap<>();
        rows.stream().sorted(PriceBookRow.ORDER).forEach(row -> index.put(identity(row), row));
        return index;
    }

    // provider and model are joined with a character neither can contain, unlike "/" which models use.
    private static String identity(PriceBookRow row) {
        return row.provider() + "\u0000" + row.model();
    }
}
