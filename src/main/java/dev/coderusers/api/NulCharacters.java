package dev.coderusers.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * PostgreSQL text cannot hold U+0000: a string with a NUL character that reaches a query fails in the driver,
 * which would answer 500. Such input is refused where it enters, once for every endpoint: in path and query
 * parameters ({@link NulCharacterFilter}) and in every string of a JSON body ({@link Deserializer}).
 */
public final class NulCharacters {

    public static final char NUL = '\u0000';

    /** The detail of a refused value: the client learns which field and why, never the driver's message. */
    public static final String DETAIL = "must not contain the NUL character (U+0000)";

    private NulCharacters() {}

    public static boolean in(String text) {
        return text != null && text.indexOf(NUL) >= 0;
    }

    /** Whether any key or value of a multi-valued parameter map holds a NUL; the first offending key, else null. */
    static String firstOffendingKey(Map<String, List<String>> parameters) {
        for (Map.Entry<String, List<String>> entry : parameters.entrySet()) {
            if (in(entry.getKey()) || entry.getValue().stream().anyMatch(NulCharacters::in)) {
                return entry.getKey();
            }
        }
        return null;
    }

    /**
     * Jackson's string deserializer, refusing strings with a NUL. Passwords are exempt: they are only ever
     * hashed, never stored or compared as text, and Coder accepts any character in them.
     */
    static final class Deserializer extends StdScalarDeserializer<String> implements ContextualDeserializer {

        private static final Deserializer STRICT = new Deserializer(true);
        private static final Deserializer LENIENT = new Deserializer(false);

        private final boolean strict;

        private Deserializer(boolean strict) {
            super(String.class);
            this.strict = strict;
        }

        static Deserializer instance() {
            return STRICT;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            boolean password = property != null
                    && property.getName().toLowerCase(Locale.ROOT).endsWith("password");
            return password ? LENIENT : STRICT;
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (strict && in(value)) {
                throw new Refused(parser);
            }
            return value;
        }
    }

    /**
     * A JSON string with a NUL. A {@link MismatchedInputException}, so that Jackson records the field path on
     * its way out and the mappers can name the field.
     */
    public static final class Refused extends MismatchedInputException {
        Refused(JsonParser parser) {
            super(parser, "string " + DETAIL, String.class);
        }
    }
}
