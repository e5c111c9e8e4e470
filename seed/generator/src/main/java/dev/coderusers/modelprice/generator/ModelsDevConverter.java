package dev.coderusers.modelprice.generator;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.coderusers.modelprice.PriceBookRow;
import dev.coderusers.modelprice.PriceListJson;
import dev.coderusers.modelprice.PriceMode;
import dev.coderusers.modelprice.PriceTier;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns a models.dev {@code api.json} into price book rows.
 *
 * <p>Upstream prices are USD per 1M tokens written as JSON numbers; the price book holds integer
 * micro-USD per 1M tokens. Numbers are read as {@link BigDecimal} from their decimal text, never through
 * {@code double}, so {@code 0.0028} is exactly {@code 2800} and float noise such as
 * {@code 0.30000000000000004} is visible (and rounded half-even, with a warning) instead of hidden.
 */
public final class ModelsDevConverter {

    /** The upstream {@code cost} keys the flat row holds, in row order. */
    static final List<String> PRICE_KEYS = List.of("input", "output", "cache_read", "cache_write");

    private static final Set<String> KNOWN_EXTRA_KEYS = Set.of("tiers", "context_over_200k");

    /** The largest USD price whose micro-USD value still fits a {@code bigint}. */
    private static final BigDecimal MAX_USD = BigDecimal.valueOf(Long.MAX_VALUE).movePointLeft(6);

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // A repeated key would otherwise silently keep the last value, hiding a duplicate model.
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private ModelsDevConverter() {}

    /**
     * Converts the catalogue, keeping only {@code providers}.
     *
     * @throws GeneratorException when the source is not a catalogue, a listed provider is missing or has no
     *     models, a (provider, model) appears twice, or no row carries an input or output price
     */
    public static Conversion convert(byte[] source, List<String> providers) throws GeneratorException {
        JsonNode root = parse(source);
        requireProviders(root, providers);

        List<PriceBookRow> rows = new ArrayList<>();
        Map<String, Integer> rowsPerProvider = new LinkedHashMap<>();
        List<Conversion.Note> skipped = new ArrayList<>();
        List<Conversion.Note> unexpressed = new ArrayList<>();
        List<Conversion.Note> warnings = new ArrayList<>();
        // Keyed case-insensitively: ids differing only in case would be two rows that every
        // case-insensitive lookup (and every case-insensitive file system upstream) confuses.
        Map<String, String> seen = new HashMap<>();

        for (String provider : providers) {
            int count = 0;
            for (Map.Entry<String, JsonNode> entry :
                    root.get(provider).get("models").properties()) {
                String model = entry.getKey();
                String key = provider + "/" + model;
                List<String> lost = new ArrayList<>();
                PriceBookRow row = toRow(provider, model, entry.getValue(), skipped, warnings, lost);
                if (row == null) {
                    continue;
                }
                String earlier = seen.putIfAbsent(provider + "\u0000" + model.toLowerCase(Locale.ROOT), key);
                if (earlier != null) {
                    throw new GeneratorException("duplicate (provider, model): " + key + " and " + earlier
                            + " differ only in letter case; the price book needs each model once");
                }
                if (!lost.isEmpty()) {
                    unexpressed.add(new Conversion.Note(key, String.join("; ", lost)));
                }
                rows.add(row);
                count++;
            }
            rowsPerProvider.put(provider, count);
        }

        if (rows.stream().noneMatch(row -> row.inputPrice() != null || row.outputPrice() != null)) {
            throw new GeneratorException("no model of " + String.join(", ", providers)
                    + " has an input or output price (" + rows.size() + " rows, " + skipped.size()
                    + " models skipped); the models.dev format has probably changed, refusing to write");
        }

        Map<String, Integer> ignored = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            if (!providers.contains(entry.getKey())) {
                JsonNode models = entry.getValue().path("models");
                ignored.put(entry.getKey(), models.isObject() ? models.size() : 0);
            }
        }

        // Rows in the price book's order, notes in the same order, so the same input gives the same summary.
        rows.sort(PriceBookRow.ORDER);
        Comparator<Conversion.Note> byModel = Comparator.comparing(Conversion.Note::model);
        skipped.sort(byModel);
        unexpressed.sort(byModel);
        warnings.sort(byModel);
        return new Conversion(rows, rowsPerProvider, skipped, unexpressed, warnings, ignored);
    }

    private static JsonNode parse(byte[] source) throws GeneratorException {
        JsonNode root;
        try {
            root = JSON.readTree(source);
        } catch (JsonProcessingException e) {
            String duplicate = duplicateKey(e);
            if (duplicate != null) {
                throw new GeneratorException(duplicate);
            }
            throw new GeneratorException("source is not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null
                            ? ""
                            : " (line " + e.getLocation().getLineNr() + ", column "
                                    + e.getLocation().getColumnNr() + ")"));
        } catch (IOException e) {
            throw new GeneratorException("source cannot be read as JSON: " + e.getMessage(), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new GeneratorException("source is empty; expected the models.dev api.json object");
        }
        if (!root.isObject()) {
            throw new GeneratorException("source is not a models.dev catalogue: expected a JSON object keyed by"
                    + " provider id, got " + root.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return root;
    }

    /** Names a repeated key, and calls it a duplicate model when it repeats a model id. */
    private static String duplicateKey(JsonProcessingException e) {
        if (!(e.getProcessor() instanceof JsonParser parser)
                || e.getOriginalMessage() == null
                || !e.getOriginalMessage().startsWith("Duplicate field")) {
            return null;
        }
        List<String> path = new ArrayList<>();
        for (JsonPointer pointer = parser.getParsingContext().pathAsPointer();
                !pointer.matches();
                pointer = pointer.tail()) {
            path.add(pointer.getMatchingProperty());
        }
        int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        if (path.size() == 3 && path.get(1).equals("models")) {
            return "duplicate (provider, model): " + path.get(0) + "/" + path.get(2)
                    + " appears twice in the source (line " + line + "); the price book needs each model once";
        }
        if (path.size() == 1) {
            return "duplicate provider: " + path.get(0) + " appears twice in the source (line " + line + ")";
        }
        return "source is not valid JSON: key \"" + path.get(path.size() - 1) + "\" repeated at /"
                + String.join("/", path.subList(0, path.size() - 1)) + " (line " + line + ")";
    }

    private static void requireProviders(JsonNode root, List<String> providers) throws GeneratorException {
        List<String> missing = new ArrayList<>();
        for (String provider : providers) {
            JsonNode models = root.path(provider).path("models");
            if (!models.isObject() || models.isEmpty()) {
                missing.add(provider);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        List<String> present = new ArrayList<>();
        root.properties().forEach(property -> present.add(property.getKey()));
        throw new GeneratorException((missing.size() == 1 ? "provider " : "providers ")
                + String.join(", ", missing) + (missing.size() == 1 ? " is" : " are")
                + " missing from the source or without models"
                + (present.isEmpty()
                        ? " (the catalogue is empty)"
                        : " (the source has: "
                                + String.join(", ", present.stream().sorted().toList()) + ")"));
    }

    /**
     * The row of one model, or {@code null} (with a note in {@code skipped}) when it has no usable price. What
     * of its upstream pricing the row cannot hold is added to {@code lost}.
     */
    private static PriceBookRow toRow(
            String provider,
            String model,
            JsonNode entry,
            List<Conversion.Note> skipped,
            List<Conversion.Note> warnings,
            List<String> lost) {
        String key = provider + "/" + model;
        if (!entry.isObject()) {
            skipped.add(new Conversion.Note(key, "the model entry is not an object"));
            return null;
        }
        JsonNode cost = entry.get("cost");
        if (cost == null || cost.isNull()) {
            skipped.add(new Conversion.Note(key, "no cost"));
            return null;
        }
        if (!cost.isObject()) {
            skipped.add(new Conversion.Note(key, "cost is not an object"));
            return null;
        }
        if (PRICE_KEYS.stream().noneMatch(name -> cost.hasNonNull(name))) {
            List<String> others = new ArrayList<>();
            cost.properties().forEach(property -> others.add(property.getKey()));
            skipped.add(new Conversion.Note(
                    key,
                    "cost has none of input, output, cache_read, cache_write"
                            + (others.isEmpty() ? " (cost is {})" : " (it has: " + String.join(", ", others) + ")")));
            return null;
        }
        Long[] prices = fourPrices(key, "cost.", cost, warnings);
        if (Arrays.stream(prices).allMatch(Objects::isNull)) {
            skipped.add(new Conversion.Note(key, "no usable price (see the warnings)"));
            return null;
        }
        List<PriceTier> tiers = tiers(key, "cost.", cost, warnings, lost);
        // The legacy field is derived from a single tier of at least 200 000 tokens (OpenAI's 272 000 tiers
        // too), so on its own its threshold is not known: reported, not guessed.
        JsonNode over200k = cost.path("context_over_200k");
        if (!over200k.isMissingNode() && !cost.path("tiers").isArray()) {
            lost.add("context over 200k tokens, threshold unknown without cost.tiers: " + pricesOf(over200k));
        }
        lost.addAll(extraCostKeys("", cost));
        Map<String, PriceMode> modes = modes(key, entry, warnings, lost);
        return new PriceBookRow(provider, model, prices[0], prices[1], prices[2], prices[3], tiers, modes);
    }

    private static Long[] fourPrices(String key, String prefix, JsonNode cost, List<Conversion.Note> warnings) {
        Long[] prices = new Long[PRICE_KEYS.size()];
        for (int i = 0; i < prices.length; i++) {
            JsonNode value = cost.get(PRICE_KEYS.get(i));
            prices[i] =
                    value == null || value.isNull() ? null : micros(key, prefix + PRICE_KEYS.get(i), value, warnings);
        }
        return prices;
    }

    /**
     * The context tiers of a cost object ({@code cost.tiers[]}: the four prices and {@code tier: {type: context,
     * size}}), ascending. A tier of another type or without a usable size is reported in {@code lost}; prices a
     * tier does not give are unknown ({@code null}), never taken from the base.
     */
    private static List<PriceTier> tiers(
            String key, String prefix, JsonNode cost, List<Conversion.Note> warnings, List<String> lost) {
        JsonNode tiers = cost.path("tiers");
        if (tiers.isMissingNode() || tiers.isNull()) {
            return List.of();
        }
        if (!tiers.isArray()) {
            lost.add(prefix + "tiers of an unknown shape");
            return List.of();
        }
        TreeMap<Long, PriceTier> bySize = new TreeMap<>();
        for (int i = 0; i < tiers.size(); i++) {
            JsonNode tier = tiers.get(i);
            JsonNode kind = tier.path("tier");
            String type = kind.path("type").asText("context");
            JsonNode size = kind.path("size");
            String at = prefix + "tiers[" + i + "].";
            if (!type.equals("context")) {
                lost.add(type + " tier " + size.asText("?") + ": " + pricesOf(tier));
                continue;
            }
            if (!size.isIntegralNumber() || !size.canConvertToLong() || size.longValue() <= 0) {
                lost.add("context tier of no usable size (" + kind + "): " + pricesOf(tier));
                continue;
            }
            Long[] prices = fourPrices(key, at, tier, warnings);
            if (Arrays.stream(prices).allMatch(Objects::isNull)) {
                lost.add("context tier above " + size.asText() + " tokens without input, output or cache prices: "
                        + pricesOf(tier));
                continue;
            }
            if (bySize.containsKey(size.longValue())) {
                lost.add("a second context tier above " + size.asText() + " tokens: " + pricesOf(tier));
                continue;
            }
            bySize.put(size.longValue(), new PriceTier(size.longValue(), prices[0], prices[1], prices[2], prices[3]));
            List<String> extra = extraKeys(tier, Set.of("tier"));
            if (!extra.isEmpty()) {
                lost.add("context tier above " + size.asText() + " tokens: " + String.join(", ", extra));
            }
        }
        return List.copyOf(bySize.values());
    }

    /** The modes ({@code experimental.modes.<name>.cost}) with prices; modes without a cost change no price. */
    private static Map<String, PriceMode> modes(
            String key, JsonNode entry, List<Conversion.Note> warnings, List<String> lost) {
        Map<String, PriceMode> modes = new TreeMap<>();
        for (Map.Entry<String, JsonNode> mode :
                entry.path("experimental").path("modes").properties()) {
            String name = mode.getKey();
            JsonNode cost = mode.getValue().path("cost");
            if (!cost.isObject() || cost.isEmpty()) {
                continue;
            }
            if (!PriceListJson.MODE_NAME.matcher(name).matches()) {
                lost.add("mode \"" + name + "\" (not a usable mode name): " + pricesOf(cost));
                continue;
            }
            String prefix = "experimental.modes." + name + ".cost.";
            Long[] prices = fourPrices(key, prefix, cost, warnings);
            if (Arrays.stream(prices).allMatch(Objects::isNull)) {
                lost.add("mode \"" + name + "\" without input, output or cache prices: " + pricesOf(cost));
                continue;
            }
            List<String> modeLost = new ArrayList<>();
            List<PriceTier> tiers = tiers(key, prefix, cost, warnings, modeLost);
            modeLost.addAll(extraCostKeys("", cost));
            modeLost.forEach(part -> lost.add("mode \"" + name + "\": " + part));
            modes.put(name, new PriceMode(prices[0], prices[1], prices[2], prices[3], tiers));
        }
        return modes;
    }

    /** Cost keys beyond the four prices and the tiers (reasoning, input_audio, ...): what no row can hold. */
    private static List<String> extraCostKeys(String prefix, JsonNode cost) {
        List<String> extra = extraKeys(cost, KNOWN_EXTRA_KEYS);
        return extra.isEmpty() ? List.of() : List.of(prefix + String.join(", ", extra));
    }

    private static List<String> extraKeys(JsonNode prices, Set<String> alsoKnown) {
        List<String> extra = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : prices.properties()) {
            if (!PRICE_KEYS.contains(field.getKey()) && !alsoKnown.contains(field.getKey())) {
                extra.add(field.getKey() + " " + priceText(field.getValue()));
            }
        }
        return extra;
    }

    /**
     * USD per 1M tokens → integer micro-USD per 1M tokens, or {@code null} (with a warning) for a value that
     * is not a usable price. A negative price is never kept: upstream sentinels such as {@code -1}
     * ("variable") have produced negative bills elsewhere.
     */
    static Long micros(String key, String field, JsonNode value, List<Conversion.Note> warnings) {
        if (!value.isNumber()) {
            warnings.add(new Conversion.Note(key, field + " is not a number (" + value + "); written as null"));
            return null;
        }
        BigDecimal usd = value.decimalValue();
        String text = usd.toPlainString();
        if (usd.signum() < 0) {
            warnings.add(new Conversion.Note(key, field + " is negative (" + text + "); written as null (unknown)"));
            return null;
        }
        if (usd.compareTo(MAX_USD) > 0) {
            warnings.add(new Conversion.Note(key, field + " is too large (" + usd + "); written as null"));
            return null;
        }
        BigDecimal exact = usd.movePointRight(6);
        BigDecimal rounded = exact.setScale(0, RoundingMode.HALF_EVEN);
        if (rounded.compareTo(exact) != 0) {
            warnings.add(new Conversion.Note(
                    key,
                    field + " " + text + " USD/MTok is not a whole number of micro-USD;" + " rounded "
                            + exact.toPlainString() + " -> " + rounded.toPlainString()));
        }
        return rounded.longValueExact();
    }

    private static String pricesOf(JsonNode prices) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : prices.properties()) {
            if (!field.getKey().equals("tier")) {
                parts.add(field.getKey() + " " + priceText(field.getValue()));
            }
        }
        return parts.isEmpty() ? "(no prices)" : String.join(", ", parts);
    }

    private static String priceText(JsonNode value) {
        return value.isNumber() ? value.decimalValue().toPlainString() : value.toString();
    }
}
