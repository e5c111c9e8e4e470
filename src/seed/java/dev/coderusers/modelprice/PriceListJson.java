package dev.coderusers.modelprice;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The JSON form of a model's price list, shared by the seed file ({@link PriceSeed}, the generator) and the
 * owner's {@code PUT /api/v2/ai-model-prices/{provider}/{model}}, so that both accept exactly the same prices:
 *
 * <pre>{@code
 * "input_price": 2500000, "output_price": 15000000, "cache_read_price": 250000, "cache_write_price": null,
 * "tiers": [{"above_input_tokens": 272000, "input_price": 5000000, "output_price": 22500000,
 *            "cache_read_price": 500000, "cache_write_price": null}],
 * "modes": {"fast": {"input_price": 5000000, "output_price": 30000000, "cache_read_price": 500000,
 *                    "cache_write_price": null}}
 * }</pre>
 *
 * The four price keys are always present ({@code null} = unknown, {@code 0} = free: an absent key would
 * silently mean unknown); {@code tiers} and {@code modes} are optional. Tiers are in strictly ascending order of
 * {@code above_input_tokens}; a mode has the four prices and optionally tiers of its own.
 */
public final class PriceListJson {

    public static final List<String> PRICE_KEYS =
            List.of("input_price", "output_price", "cache_read_price", "cache_write_price");

    public static final String TIERS = "tiers";
    public static final String MODES = "modes";
    public static final String ABOVE_INPUT_TOKENS = "above_input_tokens";

    /** Mode names: short identifiers, as models.dev's ({@code fast}). */
    public static final Pattern MODE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private static final Set<String> TIER_KEYS =
            Set.of(ABOVE_INPUT_TOKENS, PRICE_KEYS.get(0), PRICE_KEYS.get(1), PRICE_KEYS.get(2), PRICE_KEYS.get(3));
    private static final Set<String> MODE_KEYS =
            Set.of(PRICE_KEYS.get(0), PRICE_KEYS.get(1), PRICE_KEYS.get(2), PRICE_KEYS.get(3), TIERS);

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /** How strictly a price list is read. */
    public enum Form {
        /**
         * The seed file: unknown keys are refused, and {@code tiers} and {@code modes} are written only when
         * there are some, so that one price list has one form (the seeder compares them as {@code jsonb}).
         */
        SEED,
        /** A request body: unknown keys are ignored as everywhere in the API; {@code null}, [] and {} mean none. */
        REQUEST
    }

    /** What is wrong with one field: its JSON path ({@code tiers[0].input_price}) and why. */
    public static final class FieldException extends Exception {
        private final String field;
        private final String detail;

        public FieldException(String field, String detail) {
            super(field + " " + detail, null, false, false);
            this.field = field;
            this.detail = detail;
        }

        public String field() {
            return field;
        }

        public String detail() {
            return detail;
        }
    }

    private PriceListJson() {}

    /** The price list in {@code object} (the four prices, tiers, modes; other keys are the caller's concern). */
    public static PriceBookRow read(String provider, String model, JsonNode object, Form form) throws FieldException {
        return new PriceBookRow(
                provider,
                model,
                price(object, "", PRICE_KEYS.get(0)),
                price(object, "", PRICE_KEYS.get(1)),
                price(object, "", PRICE_KEYS.get(2)),
                price(object, "", PRICE_KEYS.get(3)),
                tiers(object, "", form),
                modes(object, form));
    }

    /** Tiers and modes as stored in the database ({@code jsonb}, written by {@link #tiersJson}/{@link #modesJson}). */
    public static PriceBookRow stored(
            String provider,
            String model,
            Long inputPrice,
            Long outputPrice,
            Long cacheReadPrice,
            Long cacheWritePrice,
            String tiersJson,
            String modesJson) {
        try {
            ObjectNode holder = JSON.createObjectNode();
            holder.set(TIERS, JSON.readTree(tiersJson == null ? "[]" : tiersJson));
            holder.set(MODES, JSON.readTree(modesJson == null ? "{}" : modesJson));
            return new PriceBookRow(
                    provider,
                    model,
                    inputPrice,
                    outputPrice,
                    cacheReadPrice,
                    cacheWritePrice,
                    tiers(holder, "", Form.REQUEST),
                    modes(holder, Form.REQUEST));
        } catch (IOException | FieldException e) {
            // Only this class writes these columns; a row it cannot read is a defect, not bad input.
            throw new IllegalStateException("stored tiers or modes of " + provider + "/" + model + " are invalid", e);
        }
    }

    private static Long price(JsonNode object, String prefix, String key) throws FieldException {
        String field = prefix + key;
        if (!object.has(key)) {
            throw new FieldException(field, "is missing; write null for an unknown price and 0 for a free one");
        }
        JsonNode value = object.get(key);
        if (value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new FieldException(
                    field, "must be an integer (micro-USD per 1M tokens) or null, got " + describe(value));
        }
        long price = value.longValue();
        if (price < 0) {
            throw new FieldException(field, "must not be negative, got " + price);
        }
        return price;
    }

    private static List<PriceTier> tiers(JsonNode object, String prefix, Form form) throws FieldException {
        String field = prefix + TIERS;
        JsonNode tiers = object.get(TIERS);
        if (tiers == null || (form == Form.REQUEST && (tiers.isNull() || (tiers.isArray() && tiers.isEmpty())))) {
            return List.of();
        }
        if (!tiers.isArray()) {
            throw new FieldException(field, "must be an array of tiers, got " + describe(tiers));
        }
        if (tiers.isEmpty()) {
            throw new FieldException(field, "is empty; leave the key out when there are no tiers");
        }
        List<PriceTier> result = new ArrayList<>(tiers.size());
        long previous = 0;
        for (int i = 0; i < tiers.size(); i++) {
            String at = field + "[" + i + "].";
            JsonNode tier = tiers.get(i);
            if (!tier.isObject()) {
                throw new FieldException(field + "[" + i + "]", "must be an object, got " + describe(tier));
            }
            if (form == Form.SEED) {
                refuseUnknownKeys(tier, at, TIER_KEYS);
            }
            long above = aboveInputTokens(tier, at);
            if (above <= previous) {
                throw new FieldException(
                        at + ABOVE_INPUT_TOKENS,
                        "must be larger than the previous tier's (" + previous
                                + "): tiers go in ascending order, each threshold once");
            }
            previous = above;
            result.add(new PriceTier(
                    above,
                    price(tier, at, PRICE_KEYS.get(0)),
                    price(tier, at, PRICE_KEYS.get(1)),
                    price(tier, at, PRICE_KEYS.get(2)),
                    price(tier, at, PRICE_KEYS.get(3))));
        }
        return result;
    }

    private static long aboveInputTokens(JsonNode tier, String at) throws FieldException {
        JsonNode value = tier.get(ABOVE_INPUT_TOKENS);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() <= 0) {
            throw new FieldException(
                    at + ABOVE_INPUT_TOKENS,
                    "must be a positive integer (input tokens), got " + (value == null ? "nothing" : describe(value)));
        }
        return value.longValue();
    }

    private static Map<String, PriceMode> modes(JsonNode object, Form form) throws FieldException {
        JsonNode modes = object.get(MODES);
        if (modes == null || (form == Form.REQUEST && (modes.isNull() || (modes.isObject() && modes.isEmpty())))) {
            return Map.of();
        }
        if (!modes.isObject()) {
            throw new FieldException(MODES, "must be an object of modes by name, got " + describe(modes));
        }
        if (modes.isEmpty()) {
            throw new FieldException(MODES, "is empty; leave the key out when there are no modes");
        }
        Map<String, PriceMode> result = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = modes.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String name = entry.getKey();
            String at = MODES + "." + name + ".";
            if (!MODE_NAME.matcher(name).matches()) {
                throw new FieldException(
                        MODES + "." + name,
                        "is not a valid mode name: 1 to 64 letters, digits, '.', '_' or '-', starting with a letter"
                                + " or digit");
            }
            JsonNode mode = entry.getValue();
            if (!mode.isObject()) {
                throw new FieldException(MODES + "." + name, "must be an object, got " + describe(mode));
            }
            if (form == Form.SEED) {
                refuseUnknownKeys(mode, at, MODE_KEYS);
            }
            result.put(
                    name,
                    new PriceMode(
                            price(mode, at, PRICE_KEYS.get(0)),
                            price(mode, at, PRICE_KEYS.get(1)),
                            price(mode, at, PRICE_KEYS.get(2)),
                            price(mode, at, PRICE_KEYS.get(3)),
                            tiers(mode, at, form)));
        }
        return result;
    }

    private static void refuseUnknownKeys(JsonNode object, String at, Set<String> known) throws FieldException {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new FieldException(
                        at + name,
                        "is not a known field; expected only "
                                + known.stream().sorted().toList());
            }
        }
    }

    static String describe(JsonNode node) {
        String text = node.toString();
        String shown = text.length() > 40 ? text.substring(0, 40) + "..." : text;
        return node.getNodeType().name().toLowerCase() + " " + shown;
    }

    /** The tiers as stored in {@code jsonb}: {@code []} for none. */
    public static String tiersJson(List<PriceTier> tiers) {
        return write(json -> writeTiers(json, tiers));
    }

    /** The modes as stored in {@code jsonb}: <code>{}</code> for none. */
    public static String modesJson(Map<String, PriceMode> modes) {
        return write(json -> writeModes(json, modes));
    }

    /**
     * Writes the optional {@code tiers} and {@code modes} fields of a price list into an open object, only when
     * there are some: the form the seed file requires, shared with the generator's writer.
     */
    public static void writeTiersAndModes(JsonGenerator json, PriceBookRow row) throws IOException {
        if (!row.tiers().isEmpty()) {
            json.writeFieldName(TIERS);
            writeTiers(json, row.tiers());
        }
        if (!row.modes().isEmpty()) {
            json.writeFieldName(MODES);
            writeModes(json, row.modes());
        }
    }

    private static void writeTiers(JsonGenerator json, List<PriceTier> tiers) throws IOException {
        json.writeStartArray();
        for (PriceTier tier : tiers) {
            json.writeStartObject();
            json.writeNumberField(ABOVE_INPUT_TOKENS, tier.aboveInputTokens());
            writePrices(json, tier);
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void writeModes(JsonGenerator json, Map<String, PriceMode> modes) throws IOException {
        json.writeStartObject();
        for (Map.Entry<String, PriceMode> mode : modes.entrySet()) {
            json.writeFieldName(mode.getKey());
            json.writeStartObject();
            writePrices(json, mode.getValue());
            if (!mode.getValue().tiers().isEmpty()) {
                json.writeFieldName(TIERS);
                writeTiers(json, mode.getValue().tiers());
            }
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    /** The four price fields, {@code null} written out. */
    public static void writePrices(JsonGenerator json, TokenPrices prices) throws IOException {
        price(json, PRICE_KEYS.get(0), prices.inputPrice());
        price(json, PRICE_KEYS.get(1), prices.outputPrice());
        price(json, PRICE_KEYS.get(2), prices.cacheReadPrice());
        price(json, PRICE_KEYS.get(3), prices.cacheWritePrice());
    }

    private static void price(JsonGenerator json, String name, Long value) throws IOException {
        if (value == null) {
            json.writeNullField(name);
        } else {
            json.writeNumberField(name, value);
        }
    }

    private interface Writer {
        void write(JsonGenerator json) throws IOException;
    }

    private static String write(Writer writer) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            writer.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toString();
    }
}
