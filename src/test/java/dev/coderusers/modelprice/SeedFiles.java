package dev.coderusers.modelprice;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coderusers.config.PriceBookConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Seed files for tests: the committed one, rows written by hand, and one invalid seed of each kind. */
final class SeedFiles {

    static final String NAME = "test-seed.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private SeedFiles() {}

    /** The seed the build embeds, i.e. the committed {@code seed/ai-model-prices.json}. */
    static PriceSeed embedded() throws InvalidPriceSeedException {
        try (InputStream in = SeedFiles.class.getClassLoader().getResourceAsStream(PriceBookConfig.EMBEDDED_SEED)) {
            if (in == null) {
                throw new IllegalStateException(PriceBookConfig.EMBEDDED_SEED + " is not on the test classpath");
            }
            return PriceSeed.parse(PriceBookConfig.EMBEDDED_SEED, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A seed file of the given rows, each price written explicitly (null included), as the generator does. */
    static byte[] write(List<PriceBookRow> rows) {
        ArrayNode array = JSON.createArrayNode();
        for (PriceBookRow row : rows) {
            ObjectNode object = array.addObject();
            object.put("provider", row.provider());
            object.put("model", row.model());
            object.put("input_price", row.inputPrice());
            object.put("output_price", row.outputPrice());
            object.put("cache_read_price", row.cacheReadPrice());
            object.put("cache_write_price", row.cacheWritePrice());
            if (!row.tiers().isEmpty()) {
                object.set("tiers", tiers(row.tiers()));
            }
            if (!row.modes().isEmpty()) {
                ObjectNode modes = object.putObject("modes");
                row.modes().forEach((name, mode) -> {
                    ObjectNode node = modes.putObject(name);
                    node.put("input_price", mode.inputPrice());
                    node.put("output_price", mode.outputPrice());
                    node.put("cache_read_price", mode.cacheReadPrice());
                    node.put("cache_write_price", mode.cacheWritePrice());
                    if (!mode.tiers().isEmpty()) {
                        node.set("tiers", tiers(mode.tiers()));
                    }
                });
            }
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(array);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ArrayNode tiers(List<PriceTier> tiers) {
        ArrayNode array = JSON.createArrayNode();
        for (PriceTier tier : tiers) {
            ObjectNode node = array.addObject();
            node.put("above_input_tokens", tier.aboveInputTokens());
            node.put("input_price", tier.inputPrice());
            node.put("output_price", tier.outputPrice());
            node.put("cache_read_price", tier.cacheReadPrice());
            node.put("cache_write_price", tier.cacheWritePrice());
        }
        return array;
    }

    /** One row as JSON text, each value given as raw JSON so that tests can write invalid values. */
    static String row(String provider, String model, String input, String output, String cacheRead, String cacheWrite) {
        return String.format(
                "{\"provider\": %s, \"model\": %s, \"input_price\": %s, \"output_price\": %s,"
                        + " \"cache_read_price\": %s, \"cache_write_price\": %s}",
                provider, model, input, output, cacheRead, cacheWrite);
    }

    /** A JSON array of the given rows, one per line. */
    static byte[] array(String... rows) {
        return Stream.of(rows)
                .collect(Collectors.joining(",\n", "[\n", "\n]\n"))
                .getBytes(StandardCharsets.UTF_8);
    }

    /**
     * An invalid seed and what its error message must name.
     *
     * @param kind what is wrong, as the test name
     * @param json the file
     * @param expected fragments the message must contain besides the file name (row, field, reason)
     */
    record Invalid(String kind, byte[] json, List<String> expected) {
        @Override
        public String toString() {
            return kind;
        }
    }

    private static final String FIRST = row("\"anthropic\"", "\"claude-x\"", "3000000", "15000000", "300000", "null");

    private static String secondWith(String field, String value) {
        String input = field.equals("input_price") ? value : "1000";
        String cacheWrite = field.equals("cache_write_price") ? value : "null";
        return row("\"openai\"", "\"gpt-x\"", input, "2000", "0", cacheWrite);
    }

    /** The second row with more fields (raw JSON members) after its prices. */
    private static String withExtra(String members) {
        String row = secondWith("", "");
        return row.substring(0, row.length() - 1) + ", " + members + "}";
    }

    /** A tier as raw JSON: the threshold and input price as given, output 1, no cache prices. */
    static String tier(String above, String input) {
        return "{\"above_input_tokens\": " + above + ", \"input_price\": " + input
                + ", \"output_price\": 1, \"cache_read_price\": null, \"cache_write_price\": null}";
    }

    /** A mode as raw JSON: the input price as given, output 2, no cache prices. */
    static String mode(String input) {
        return "{\"input_price\": " + input
                + ", \"output_price\": 2, \"cache_read_price\": null, \"cache_write_price\": null}";
    }

    /** Every kind of invalid seed the service must refuse before writing anything. */
    static List<Invalid> invalid() {
        return List.of(
                new Invalid(
                        "unparsable",
                        ("[\n" + FIRST + ",\n{\"provider\": \"openai\",").getBytes(StandardCharsets.UTF_8),
                        List.of("not valid JSON", "line 3")),
                new Invalid("empty file", new byte[0], List.of("is empty")),
                new Invalid("blank file", " \n\t\n".getBytes(StandardCharsets.UTF_8), List.of("is empty")),
                new Invalid("empty array", "[]".getBytes(StandardCharsets.UTF_8), List.of("has no rows")),
                new Invalid(
                        "not an array",
                        FIRST.getBytes(StandardCharsets.UTF_8),
                        List.of("expected a JSON array of price rows, got object")),
                new Invalid("row not an object", array(FIRST, "42"), List.of("row 2", "expected an object")),
                new Invalid(
                        "duplicate (provider, model)",
                        array(FIRST, secondWith("", ""), FIRST.replace("3000000", "1")),
                        List.of("row 3", "anthropic/claude-x", "duplicate of row 1")),
                new Invalid(
                        "negative price",
                        array(FIRST, secondWith("input_price", "-1")),
                        List.of("row 2", "openai/gpt-x", "\"input_price\"", "must not be negative")),
                new Invalid(
                        "fractional price",
                        array(FIRST, secondWith("cache_write_price", "1.5")),
                        List.of("row 2", "\"cache_write_price\"", "must be an integer", "1.5")),
                new Invalid(
                        "price as a string",
                        array(FIRST, secondWith("input_price", "\"100\"")),
                        List.of("row 2", "\"input_price\"", "must be an integer", "\"100\"")),
                new Invalid(
                        "price in exponent notation",
                        array(FIRST, secondWith("input_price", "1e3")),
                        List.of("row 2", "\"input_price\"", "must be an integer")),
                new Invalid(
                        "price beyond bigint",
                        array(FIRST, secondWith("input_price", "9223372036854775808")),
                        List.of("row 2", "\"input_price\"", "must be an integer")),
                new Invalid(
                        "missing price key",
                        array(
                                FIRST,
                                "{\"provider\": \"openai\", \"model\": \"gpt-x\", \"input_price\": 1,"
                                        + " \"output_price\": 2, \"cache_read_price\": null}"),
                        List.of("row 2", "\"cache_write_price\"", "is missing")),
                new Invalid(
                        "unknown key",
                        array(FIRST, secondWith("", "").replace("\"cache_read_price\"", "\"cached_price\"")),
                        List.of("row 2", "unknown field \"cached_price\"")),
                new Invalid(
                        "blank provider",
                        array(FIRST, secondWith("", "").replace("\"openai\"", "\"  \"")),
                        List.of("row 2", "\"provider\"", "must be a non-empty string")),
                new Invalid(
                        "empty model",
                        array(FIRST, secondWith("", "").replace("\"gpt-x\"", "\"\"")),
                        List.of("row 2", "\"model\"", "must be a non-empty string")),
                new Invalid(
                        "model not a string",
                        array(FIRST, secondWith("", "").replace("\"gpt-x\"", "7")),
                        List.of("row 2", "\"model\"", "must be a non-empty string")),
                // Tiers and modes are optional, but when present they follow the same rules as the prices.
                new Invalid("empty tiers", array(FIRST, withExtra("\"tiers\": []")), List.of("\"tiers\"", "is empty")),
                new Invalid(
                        "tiers not an array",
                        array(FIRST, withExtra("\"tiers\": {}")),
                        List.of("row 2", "\"tiers\"", "must be an array")),
                new Invalid(
                        "tier thresholds out of order",
                        array(
                                FIRST,
                                withExtra("\"tiers\": [" + tier("272000", "5") + ", " + tier("200000", "4") + "]")),
                        List.of("row 2", "\"tiers[1].above_input_tokens\"", "ascending")),
                new Invalid(
                        "the same tier threshold twice",
                        array(
                                FIRST,
                                withExtra("\"tiers\": [" + tier("200000", "5") + ", " + tier("200000", "4") + "]")),
                        List.of("\"tiers[1].above_input_tokens\"", "each threshold once")),
                new Invalid(
                        "tier threshold zero",
                        array(FIRST, withExtra("\"tiers\": [" + tier("0", "5") + "]")),
                        List.of("\"tiers[0].above_input_tokens\"", "must be a positive integer")),
                new Invalid(
                        "tier threshold missing",
                        array(
                                FIRST,
                                withExtra("\"tiers\": [" + tier("1", "5").replace("\"above_input_tokens\": 1, ", "")
                                        + "]")),
                        List.of("\"tiers[0].above_input_tokens\"", "got nothing")),
                new Invalid(
                        "negative tier price",
                        array(FIRST, withExtra("\"tiers\": [" + tier("200000", "-5") + "]")),
                        List.of("\"tiers[0].input_price\"", "must not be negative")),
                new Invalid(
                        "tier without a price key",
                        array(
                                FIRST,
                                withExtra("\"tiers\": ["
                                        + tier("200000", "5").replace(", \"cache_write_price\": null", "") + "]")),
                        List.of("\"tiers[0].cache_write_price\"", "is missing")),
                new Invalid(
                        "unknown key in a tier",
                        array(
                                FIRST,
                                withExtra("\"tiers\": [" + tier("200000", "5").replace("}", ", \"reasoning_price\": 1}")
                                        + "]")),
                        List.of("\"tiers[0].reasoning_price\"", "not a known field")),
                new Invalid(
                        "modes not an object",
                        array(FIRST, withExtra("\"modes\": [\"fast\"]")),
                        List.of("\"modes\"", "must be an object")),
                new Invalid("empty modes", array(FIRST, withExtra("\"modes\": {}")), List.of("\"modes\"", "is empty")),
                new Invalid(
                        "invalid mode name",
                        array(FIRST, withExtra("\"modes\": {\"fast mode\": " + mode("1") + "}")),
                        List.of("\"modes.fast mode\"", "not a valid mode name")),
                new Invalid(
                        "fractional mode price",
                        array(FIRST, withExtra("\"modes\": {\"fast\": " + mode("1.5") + "}")),
                        List.of("\"modes.fast.input_price\"", "must be an integer")),
                new Invalid(
                        "mode tiers out of order",
                        array(
                                FIRST,
                                withExtra("\"modes\": {\"fast\": "
                                        + mode("1")
                                                .replace(
                                                        "}",
                                                        ", \"tiers\": [" + tier("5", "1") + ", " + tier("4", "1")
                                                                + "]}")
                                        + "}")),
                        List.of("\"modes.fast.tiers[1].above_input_tokens\"", "ascending")),
                // The kinds below are valid JSON to a Java parser but refused by PostgreSQL's jsonb.
                new Invalid(
                        "NUL character in a model",
                        array(FIRST, secondWith("", "").replace("\"gpt-x\"", "\"gpt-x\\u0000\"")),
                        List.of("row 2", "\"model\"", "U+0000")),
                new Invalid(
                        "model id longer than the API accepts (and than a btree index entry holds)",
                        array(FIRST, secondWith("", "").replace("\"gpt-x\"", "\"" + "m".repeat(3000) + "\"")),
                        List.of("row 2", "\"model\"", "must be at most 256 characters, got 3000")),
                new Invalid(
                        "provider id longer than the API accepts",
                        array(FIRST, secondWith("", "").replace("\"openai\"", "\"" + "p".repeat(65) + "\"")),
                        List.of("row 2", "\"provider\"", "must be at most 64 characters, got 65")),
                new Invalid(
                        "unpaired surrogate in a provider",
                        array(FIRST, secondWith("", "").replace("\"openai\"", "\"open\\ud800ai\"")),
                        List.of("row 2", "\"provider\"", "unpaired surrogate")),
                new Invalid(
                        "byte-order mark",
                        ("\uFEFF" + new String(array(FIRST), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8),
                        List.of("byte-order mark")),
                new Invalid(
                        "not UTF-8",
                        new String(array(FIRST), StandardCharsets.UTF_8)
                                .replace("claude-x", "claude-\u00e9")
                                .getBytes(StandardCharsets.ISO_8859_1),
                        List.of("is not UTF-8 text", "byte offset")),
                new Invalid(
                        "number too long for the parser",
                        array(FIRST, secondWith("input_price", "1" + "0".repeat(1500))),
                        List.of("not valid JSON", "Number value length")));
    }
}
