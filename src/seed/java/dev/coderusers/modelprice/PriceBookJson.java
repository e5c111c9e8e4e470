package dev.coderusers.modelprice;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes the price book in its one byte-stable form, so that a refresh diff shows only changed prices.
 *
 * <p>A JSON array of objects with the keys {@code provider, model, input_price, output_price,
 * cache_read_price, cache_write_price} in that order, then {@code tiers} and {@code modes} only for the models
 * that have some (so a model without them keeps its old six lines), {@code null} written out, 2-space indent,
 * {@code "key": value} spacing, LF line ends and a trailing newline; rows in {@link PriceBookRow#ORDER}, modes
 * by name, tiers ascending.
 */
public final class PriceBookJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private PriceBookJson() {}

    public static byte[] render(List<PriceBookRow> rows) {
        List<PriceBookRow> sorted = rows.stream().sorted(PriceBookRow.ORDER).toList();
        // Fixed "\n" rather than the platform's line separator: the file is the same on every machine.
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(
                        Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (JsonGenerator json = FACTORY.createGenerator(buffer, JsonEncoding.UTF8)) {
            json.setPrettyPrinter(printer);
            json.writeStartArray();
            for (PriceBookRow row : sorted) {
                json.writeStartObject();
                json.writeStringField("provider", row.provider());
                json.writeStringField("model", row.model());
                PriceListJson.writePrices(json, row);
                PriceListJson.writeTiersAndModes(json, row);
                json.writeEndObject();
            }
            json.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        buffer.write('\n');
        return buffer.toByteArray();
    }
}
