package dev.coderusers.modelprice;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A price seed that has been read and validated completely, so that applying it can only fail for
 * database reasons. The raw bytes are kept: they are what the database parses (bound once as
 * {@code jsonb}) and what the checksum is taken of.
 *
 * @param source where the seed came from, for messages ({@code seed/ai-model-prices.json} or a file path)
 * @param json the file's bytes, unchanged
 * @param checksum lower-case hex SHA-256 of {@code json}
 * @param rows the rows in file order
 */
public record PriceSeed(String source, byte[] json, String checksum, List<PriceBookRow> rows) {

    /** The keys every row carries (an absent price key would silently mean NULL). */
    public static final List<String> KEYS =
            List.of("provider", "model", "input_price", "output_price", "cache_read_price", "cache_write_price");

    /** The keys a row may carry besides {@link #KEYS}: its tiers and modes, when it has some. */
    public static final List<String> OPTIONAL_KEYS = List.of(PriceListJson.TIERS, PriceListJson.MODES);

    private static final Set<String> KEY_SET =
            Set.copyOf(Stream.concat(KEYS.stream(), OPTIONAL_KEYS.stream()).toList());

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** Reads and validates a seed; nothing about it is trusted until this returns. */
    public static PriceSeed parse(String source, byte[] json) throws InvalidPriceSeedException {
        // PostgreSQL parses these very bytes again (as UTF-8 text bound to jsonb). Whatever it would refuse
        // must be refused here: a seed the database rejects would otherwise be retried forever as if the
        // database were unreachable, instead of failing with a clear reason.
        String text = utf8(source, json);
        if (text.startsWith("\uFEFF")) {
            throw new InvalidPriceSeedException(
                    source + ": starts with a byte-order mark; save it as UTF-8 without a BOM");
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            // Limits of the parser (number length, nesting depth) carry no location.
            JsonLocation at = e.getLocation();
            throw new InvalidPriceSeedException(source + ": not valid JSON: " + e.getOriginalMessage()
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        }
        if (root == null || root.isMissingNode()) {
            throw new InvalidPriceSeedException(source + ": is empty; expected a JSON array of price rows");
        }
        if (!root.isArray()) {
            throw new InvalidPriceSeedException(
                    source + ": expected a JSON array of price rows, got " + describe(root));
        }
        if (root.isEmpty()) {
            throw new InvalidPriceSeedException(source + ": has no rows; refusing to apply an empty price book");
        }

        List<PriceBookRow> rows = new ArrayList<>(root.size());
        Map<String, Integer> firstRowOfKey = new HashMap<>();
        int index = 0;
        for (JsonNode element : root) {
            index++;
            PriceBookRow row = parseRow(source, index, element);
            Integer earlier = firstRowOfKey.putIfAbsent(row.provider() + "\u0000" + row.model(), index);
            if (earlier != null) {
                throw new InvalidPriceSeedException(String.format(
                        "%s: row %d (%s): duplicate of row %d; each (provider, model) may appear once",
                        source, index, row.key(), earlier));
            }
            rows.add(row);
        }
        return new PriceSeed(source, json, sha256(json), List.copyOf(rows));
    }

    private static PriceBookRow parseRow(String source, int index, JsonNode element) throws InvalidPriceSeedException {
        String where = source + ": row " + index;
        if (!element.isObject()) {
            throw new InvalidPriceSeedException(where + ": expected an object, got " + describe(element));
        }
        for (Iterator<String> names = element.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KEY_SET.contains(name)) {
                throw new InvalidPriceSeedException(where + ": unknown field \"" + name
                        + "\"; a row has exactly the fields " + KEYS + ", and optionally " + OPTIONAL_KEYS);
            }
        }
        String provider = text(where, element, "provider");
        String model = text(where, element, "model");
        where = where + " (" + provider + "/" + model + ")";
        try {
            return PriceListJson.read(provider, model, element, PriceListJson.Form.SEED);
        } catch (PriceListJson.FieldException e) {
            throw new InvalidPriceSeedException(where + ": field \"" + e.field() + "\" " + e.detail());
        }
    }

    private static String text(String where, JsonNode row, String field) throws InvalidPriceSeedException {
        JsonNode value = row.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new InvalidPriceSeedException(where + ": field \"" + field + "\" must be a non-empty string, got "
                    + (value == null ? "nothing" : describe(value)));
        }
        String text = value.asText();
        String unstorable = unstorable(text);
        if (unstorable != null) {
            throw new InvalidPriceSeedException(where + ": field \"" + field + "\" " + unstorable);
        }
        // The API's limits (ModelIds): an id the API could not name is refused here too, and an id too long for
        // the primary key's index would otherwise fail the statement and be retried as a database fault forever.
        int max = field.equals("provider") ? PriceBookRow.MAX_PROVIDER_LENGTH : PriceBookRow.MAX_MODEL_LENGTH;
        if (text.length() > max) {
            throw new InvalidPriceSeedException(
                    where + ": field \"" + field + "\" must be at most " + max + " characters, got " + text.length());
        }
        return text;
    }

    /** Why PostgreSQL cannot store this string (as jsonb or text), or null when it can. */
    private static String unstorable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return "contains the character U+0000, which PostgreSQL cannot store";
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return String.format("contains an unpaired surrogate \\u%04x, which is not Unicode text", (int) c);
            }
        }
        return null;
    }

    private static String utf8(String source, byte[] json) throws InvalidPriceSeedException {
        // A fresh decoder reports malformed input instead of replacing it; UTF-8 never needs more chars than bytes.
        ByteBuffer in = ByteBuffer.wrap(json);
        CharBuffer out = CharBuffer.allocate(json.length);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new InvalidPriceSeedException(
                    source + ": is not UTF-8 text (invalid byte sequence at byte offset " + in.position() + ")");
        }
        return out.flip().toString();
    }

    private static String describe(JsonNode node) {
        String text = node.toString();
        String shown = text.length() > 40 ? text.substring(0, 40) + "..." : text;
        return node.getNodeType().name().toLowerCase() + " " + shown;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
