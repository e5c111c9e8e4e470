package dev.coderusers.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * JSON exactly as Coder writes it. Timestamps follow Go's {@code time.Time} encoding (RFC 3339 with the
 * fraction's trailing zeros trimmed, {@code Z} for UTC): {@code 2026-05-08T16:45:14.12Z}, and the zero
 * time {@code 0001-01-01T00:00:00Z} for "never". Property names are snake_case (application.properties).
 */
@Singleton
public class CoderJson implements ObjectMapperCustomizer {

    /** Go's zero {@code time.Time}, which Coder shows for "never" (e.g. last_seen_at of a new user). */
    public static final Instant ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");

    /**
     * Last of all customizers: Quarkus registers the JavaTimeModule in a customizer of its own that runs after
     * those of default priority, and the module registered last wins, so at the default priority Instants went
     * out as ISO_INSTANT ({@code .650810Z}) instead of Go's trimmed form ({@code .65081Z}).
     */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("coder-json");
        module.addSerializer(Instant.class, new InstantSerializer());
        module.addDeserializer(Instant.class, new InstantDeserializer());
        // PostgreSQL text cannot hold U+0000: refused here, once for every body, instead of failing in a query.
        module.addDeserializer(String.class, NulCharacters.Deserializer.instance());
        mapper.registerModule(module);
        // Go refuses 1.5 for an integer field (e.g. a token lifetime); so does this API, instead of truncating.
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        // Go's decoder does not turn "true" into a bool or 5 into a string either: a wrong JSON type is a 400.
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    }

    /** Formats like Go's {@code time.RFC3339Nano} for a UTC time. */
    public static String format(Instant instant) {
        String iso = DateTimeFormatter.ISO_INSTANT.format(instant);
        int dot = iso.indexOf('.');
        if (dot < 0) {
            return iso;
        }
        int end = iso.length() - 1; // the 'Z'
        int last = end - 1;
        while (last > dot && iso.charAt(last) == '0') {
            last--;
        }
        return last == dot ? iso.substring(0, dot) + "Z" : iso.substring(0, last + 1) + "Z";
    }

    /**
     * Formats like Go's {@code time.Time.String()} for a UTC time ({@code 2026-05-08 16:45:14.123456 +0000 UTC}),
     * which Coder puts in some messages.
     */
    public static String goString(Instant instant) {
        String rfc = format(instant);
        return rfc.substring(0, rfc.length() - 1).replace('T', ' ') + " +0000 UTC";
    }

    /** The time on {@code clock} at PostgreSQL's precision, so what an API answer shows equals what is stored. */
    public static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * The system's time at PostgreSQL's precision, for tests that compare with stored times. The service itself
     * reads the injected {@link Clock} ({@link #now(Clock)}); ArchitectureTest keeps it so.
     */
    public static Instant now() {
        return now(Clock.systemUTC());
    }

    static final class InstantSerializer extends JsonSerializer<Instant> {
        @Override
        public void serialize(Instant value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(format(value));
        }
    }

    static final class InstantDeserializer extends JsonDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = parser.getValueAsString();
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                return (Instant) context.handleWeirdStringValue(Instant.class, text, "not an RFC 3339 time");
            }
        }
    }
}
