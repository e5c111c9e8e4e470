package dev.coderusers.modelprice;

import dev.coderusers.api.ApiException;
import dev.coderusers.api.ValidationError;
import java.util.ArrayList;
import java.util.List;

/**
 * What a provider or model id given to the API may be (a path, a filter, a usage to price). Ids are stored
 * and compared as they are: {@code model} may contain {@code /}, {@code .} and {@code :}, as upstream ids do.
 * The limits keep ids storable and indexable in PostgreSQL: no control characters (U+0000 cannot be stored),
 * no unpaired surrogates, and lengths far above any real id but within what a btree index entry holds.
 */
public final class ModelIds {

    // Defined with the seed model, which the price-book generator shares and which refuses the same lengths.
    public static final int MAX_PROVIDER_LENGTH = PriceBookRow.MAX_PROVIDER_LENGTH;
    public static final int MAX_MODEL_LENGTH = PriceBookRow.MAX_MODEL_LENGTH;

    static final String INVALID_PATH = "Invalid model.";

    private ModelIds() {}

    /** The {@code {provider}/{model}} of a path: 400 naming each one that cannot be an id. */
    static void requireValidPath(String provider, String model) {
        List<ValidationError> problems = new ArrayList<>();
        String providerProblem = providerProblem(provider);
        if (providerProblem != null) {
            problems.add(new ValidationError("provider", "provider " + providerProblem));
        }
        String modelProblem = modelProblem(model);
        if (modelProblem != null) {
            problems.add(new ValidationError("model", "model " + modelProblem));
        }
        if (!problems.isEmpty()) {
            throw ApiException.badRequest(INVALID_PATH, problems);
        }
    }

    /** Why {@code provider} is not an acceptable provider id, or {@code null} when it is. */
    public static String providerProblem(String provider) {
        if (provider == null || provider.isEmpty()) {
            return "is required";
        }
        if (provider.indexOf('/') >= 0) {
            return "must not contain \"/\"";
        }
        return textProblem(provider, MAX_PROVIDER_LENGTH);
    }

    /** Why {@code model} is not an acceptable model id, or {@code null} when it is. */
    public static String modelProblem(String model) {
        if (model == null || model.isEmpty()) {
            return "is required";
        }
        return textProblem(model, MAX_MODEL_LENGTH);
    }

    private static String textProblem(String text, int maxLength) {
        if (text.length() > maxLength) {
            return "must be at most " + maxLength + " characters long";
        }
        if (text.isBlank()) {
            return "must not be blank";
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                return String.format("must not contain control characters (U+%04X)", (int) c);
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must be valid Unicode text (unpaired surrogate)";
            }
        }
        return null;
    }
}
