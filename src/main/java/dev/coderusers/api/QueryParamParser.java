package dev.coderusers.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Port of Coder's {@code httpapi.QueryParamParser}: reads typed values from multi-valued parameters and
 * collects <em>every</em> problem as a {@link ValidationError} instead of stopping at the first, so a
 * client sees all of its mistakes in one 400 answer, worded as Coder words them.
 *
 * <p>Rules shared by every reader, as in Coder:
 * <ul>
 *   <li>a parameter that is absent, or whose <em>first</em> value is empty, yields the default with no
 *       error (so {@code limit=&limit=5} is "no limit", while {@code limit=5&limit=} is a duplicate), unless
 *       it was declared {@link #requiredNotEmpty};
 *   <li>single-valued readers reject repeats with
 *       {@code Query param "x" provided more than once, found N times. Only provide 1 instance of this query param.};
 *   <li>list readers merge repeats and split each value on commas;
 *   <li>every key read is remembered, so {@link #errorExcessParams} can reject the ones nobody asked for.
 * </ul>
 * The parameter map is what JAX-RS hands out ({@code MultivaluedMap<String, String>} is a
 * {@code Map<String, List<String>>}) or what a search query was split into.
 */
public final class QueryParamParser {

    private final List<ValidationError> errors = new ArrayList<>();
    private final Set<String> parsed = new HashSet<>();
    private final Set<String> requiredNotEmpty = new HashSet<>();

    /**
     * {@code RequiredNotEmpty}: the readers of these keys report
     * {@code Query param "x" is required and cannot be empty} when the key is absent or its first value is
     * empty, instead of quietly returning the default.
     */
    public QueryParamParser requiredNotEmpty(String... keys) {
        requiredNotEmpty.addAll(List.of(keys));
        return this;
    }

    /** All problems found so far, in the order the readers were called. */
    public List<ValidationError> errors() {
        return List.copyOf(errors);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** {@code parser.String}: the value, or {@code null} when absent or empty. */
    public String string(Map<String, List<String>> values, String key) {
        return singleValue(values, key);
    }

    /** {@code parser.UUID}: Go's UUID syntax ({@link GoUuid}); {@code null} when absent or empty. */
    public UUID uuid(Map<String, List<String>> values, String key) {
        String raw = singleValue(values, key);
        if (raw == null) {
            return null;
        }
        try {
            return GoUuid.parse(raw);
        } catch (GoParseException e) {
            // Coder drops the parser's reason for UUIDs and says only this.
            addError(key, "Query param " + GoText.quote(key) + " must be a valid uuid");
            return null;
        }
    }

    /**
     * {@code parser.PositiveInt32}: 0 to 2147483647 (PostgreSQL's LIMIT/OFFSET range); {@code defaultValue}
     * when absent or empty.
     */
    public int positiveInt32(Map<String, List<String>> values, String key, int defaultValue) {
        String raw = singleValue(values, key);
        if (raw == null) {
            return defaultValue;
        }
        try {
            long n = GoStrconv.parseInt(raw, 32);
            if (n < 0) {
                throw new GoParseException("value is negative");
            }
            return (int) n;
        } catch (GoParseException e) {
            addError(
                    key,
                    "Query param " + GoText.quote(key) + " must be a valid 32-bit positive integer: " + e.getMessage());
            return defaultValue;
        }
    }

    /** {@code parser.Int64}: any signed 64-bit decimal; {@code null} when absent or empty. */
    public Long int64(Map<String, List<String>> values, String key) {
        String raw = singleValue(values, key);
        if (raw == null) {
            return null;
        }
        try {
            return GoStrconv.parseInt(raw, 64);
        } catch (GoParseException e) {
            addError(key, "Query param " + GoText.quote(key) + " must be a valid 64-bit integer: " + e.getMessage());
            return null;
        }
    }

    /** {@code parser.NullableBoolean}: Go's {@code strconv.ParseBool} spellings; {@code null} when absent or empty. */
    public Boolean nullableBoolean(Map<String, List<String>> values, String key) {
        String raw = singleValue(values, key);
        if (raw == null) {
            return null;
        }
        try {
            return GoStrconv.parseBool(raw);
        } catch (GoParseException e) {
            addError(key, "Query param " + GoText.quote(key) + " must be a valid boolean: " + e.getMessage());
            return null;
        }
    }

    /**
     * {@code parser.Time3339Nano}: the value is upper-cased first (search queries arrive lower-cased and
     * RFC 3339 needs {@code T} and {@code Z}), then read with Go's RFC3339Nano layout; {@code null} when
     * absent or empty.
     */
    public Instant time3339Nano(Map<String, List<String>> values, String key) {
        String raw = singleValue(values, key);
        if (raw == null) {
            return null;
        }
        try {
            return GoTime.parseRfc3339Nano(GoText.upper(raw));
        } catch (GoParseException e) {
            addError(
                    key,
                    "Query param " + GoText.quote(key) + " must be a valid date format (" + GoTime.RFC3339_NANO + "): "
                            + e.getMessage());
            return null;
        }
    }

    /** {@code parser.Strings}: every comma-separated part of every value, empty parts included. */
    public List<String> strings(Map<String, List<String>> values, String key) {
        List<String> terms = listTerms(values, key);
        return terms == null ? List.of() : List.copyOf(terms);
    }

    /**
     * {@code httpapi.ParseCustomList} with {@code httpapi.ParseEnum}: every comma-separated part of every
     * value must be known to {@code lookup}. On any unknown part the result is empty and one error lists
     * them all, joined by newlines as Go's {@code errors.Join} does.
     */
    public <T> List<T> enumList(Map<String, List<String>> values, String key, Function<String, Optional<T>> lookup) {
        List<String> terms = listTerms(values, key);
        if (terms == null) {
            return List.of();
        }
        List<T> result = new ArrayList<>(terms.size());
        List<String> problems = new ArrayList<>();
        for (String term : terms) {
            lookup.apply(term)
                    .ifPresentOrElse(result::add, () -> problems.add(GoText.quote(term) + " is not a valid value"));
        }
        if (!problems.isEmpty()) {
            addError(key, "Query param " + GoText.quote(key) + " has invalid values: " + String.join("\n", problems));
            return List.of();
        }
        return List.copyOf(result);
    }

    /**
     * {@code ErrorExcessParams}: one error per key that no reader asked for. Coder iterates a Go map here,
     * so its order is unspecified; this follows the iteration order of {@code values}.
     */
    public void errorExcessParams(Map<String, List<String>> values) {
        for (String key : values.keySet()) {
            if (!parsed.contains(key)) {
                addError(key, GoText.quote(key) + " is not a valid query param");
            }
        }
    }

    /**
     * Coder's {@code parseQueryParam}: the single value to parse, or null for the default (absent, empty
     * first value, or repeated — the last also records the duplicate error).
     */
    private String singleValue(Map<String, List<String>> values, String key) {
        List<String> set = present(values, key);
        if (set == null) {
            return null;
        }
        if (set.size() > 1) {
            addError(
                    key,
                    "Query param " + GoText.quote(key) + " provided more than once, found " + set.size()
                            + " times. Only provide 1 instance of this query param.");
            return null;
        }
        return set.get(0);
    }

    private List<String> listTerms(Map<String, List<String>> values, String key) {
        List<String> set = present(values, key);
        if (set == null) {
            return null;
        }
        List<String> terms = new ArrayList<>();
        for (String value : set) {
            // Go's strings.Split keeps empty parts: "a,,b" is three terms, "" among them.
            terms.addAll(List.of(value.split(",", -1)));
        }
        return terms;
    }

    /**
     * Marks the key as read; returns its values, or null when absent or its first value is empty (an error
     * then if the key is required).
     */
    private List<String> present(Map<String, List<String>> values, String key) {
        parsed.add(key);
        List<String> set = values.get(key);
        if (set == null || set.isEmpty() || set.get(0) == null || set.get(0).isEmpty()) {
            if (requiredNotEmpty.contains(key)) {
                addError(key, "Query param " + GoText.quote(key) + " is required and cannot be empty");
            }
            return null;
        }
        return set;
    }

    private void addError(String field, String detail) {
        errors.add(new ValidationError(field, detail));
    }
}
