package dev.coderusers.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.coderusers.openapi.OpenApiContractFilter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares this service's OpenAPI 3 document with Coder's swagger 2.0 for the operations under one path
 * prefix, and reports every difference under a short, stable key ({@code "GET /users/{user}/roles 200: schema
 * codersdk.UserRoles"}, {@code "codersdk.APIKey.allow_list[]: type"}), with a detail for people.
 *
 * <p>Per operation: presence, operationId, summary, tags, whether the session token is required, parameters
 * (name, location, required, type, the format where Coder's names one, and their order), the request body, the success
 * statuses (exactly) and Coder's error statuses (at least), and the body schemas. Schemas are compared after
 * following references on both sides ({@code #/components/schemas/…} and {@code #/definitions/…}, also through a
 * single {@code allOf}): their names where both sides name one, then type, format, items, property names,
 * required properties, map values, and the values of named enumerations. A named schema is compared once and
 * its differences are keyed by its name, wherever it is used. Descriptions that admit answering a 4xx where
 * Coder answers 500 are reported too, so that each such place is listed by the test.
 */
final class SwaggerComparison {

    /** One difference: the key a list of intentional differences names it by, and what differs. */
    record Difference(String key, String detail) {}

    private static final Pattern CODER_500 = Pattern.compile("[^.]*\\bCoder(?: answers|:) 500\\b[^.]*\\.?");
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch");

    private final JsonNode ours;
    private final JsonNode coders;
    private final String basePath;
    private final Map<String, Difference> differences = new LinkedHashMap<>();
    private final Set<String> comparedSchemas = new HashSet<>();

    /**
     * @param ours the service's OpenAPI 3 document
     * @param coders Coder's swagger 2.0 document
     * @param basePath the prefix left out of the keys, e.g. {@code /api/v2}
     */
    SwaggerComparison(JsonNode ours, JsonNode coders, String basePath) {
        this.ours = ours;
        this.coders = coders;
        this.basePath = basePath;
    }

    /** Every difference in the operations whose path starts with {@code basePath + prefix}. */
    List<Difference> compareOperations(String prefix) {
        String start = basePath + prefix;
        Set<String> coderOperations = new LinkedHashSet<>();
        coders.path("paths").fields().forEachRemaining(path -> {
            if (!path.getKey().startsWith(start)) {
                return;
            }
            for (String method : METHODS) {
                JsonNode coder = path.getValue().get(method);
                if (coder == null) {
                    continue;
                }
                String key = key(method, path.getKey());
                coderOperations.add(key);
                JsonNode our = ours.path("paths").path(path.getKey()).get(method);
                if (our == null) {
                    report(key + ": not served", coder.path("summary").asText() + " (" + tags(coder) + ")");
                } else {
                    compareOperation(key, our, coder);
                }
            }
        });
        ours.path("paths").fields().forEachRemaining(path -> {
            if (path.getKey().startsWith(start)) {
                for (String method : METHODS) {
                    if (path.getValue().has(method) && !coderOperations.contains(key(method, path.getKey()))) {
                        report(
                                key(method, path.getKey()) + ": not in Coder's swagger",
                                "an operation Coder does not have");
                    }
                }
            }
        });
        return List.copyOf(differences.values());
    }

    private String key(String method, String path) {
        return method.toUpperCase() + " " + path.substring(basePath.length());
    }

    private void compareOperation(String key, JsonNode our, JsonNode coder) {
        compareText(key + ": operationId", our.path("operationId"), coder.path("operationId"));
        compareText(key + ": summary", our.path("summary"), coder.path("summary"));
        if (!tags(our).equals(tags(coder))) {
            report(key + ": tags", "ours " + tags(our) + ", Coder's " + tags(coder));
        }
        boolean ourSession = needsSession(our);
        boolean coderSession = needsSession(coder);
        if (ourSession != coderSession) {
            report(
                    key + ": security",
                    ourSession
                            ? "needs the session token; Coder's swagger: public"
                            : "public; Coder's swagger: needs CoderSessionToken");
        }
        Matcher coder500 = CODER_500.matcher(our.path("description").asText());
        if (coder500.find()) {
            report(key + ": 4xx where Coder answers 500", coder500.group().strip());
        }
        compareParameters(key, our, coder);
        compareRequestBody(key, our, coder);
        compareResponses(key, our, coder);
    }

    private void compareText(String key, JsonNode our, JsonNode coder) {
        if (!our.asText().equals(coder.asText())) {
            report(key, "ours \"" + our.asText() + "\", Coder's \"" + coder.asText() + "\"");
        }
    }

    private static List<String> tags(JsonNode operation) {
        List<String> tags = new ArrayList<>();
        operation.path("tags").forEach(tag -> tags.add(tag.asText()));
        return tags;
    }

    private static boolean needsSession(JsonNode operation) {
        for (JsonNode requirement : operation.path("security")) {
            if (requirement.has(OpenApiContractFilter.SESSION_TOKEN)) {
                return true;
            }
        }
        return false;
    }

    private void compareParameters(String key, JsonNode our, JsonNode coder) {
        Map<String, JsonNode> ourParameters = parameters(our);
        Map<String, JsonNode> coderParameters = parameters(coder);
        coderParameters.forEach((name, coderParameter) -> {
            JsonNode ourParameter = ourParameters.get(name);
            String where = key + ": parameter " + name;
            if (ourParameter == null) {
                report(where + " missing", "Coder's swagger has it");
                return;
            }
            boolean ourRequired = ourParameter.path("required").asBoolean(false);
            boolean coderRequired = coderParameter.path("required").asBoolean(false);
            if (ourRequired != coderRequired) {
                report(where + " required", "ours " + ourRequired + ", Coder's " + coderRequired);
            }
            JsonNode ourSchema = ourParameter.path("schema");
            String ourType = ourSchema.path("type").asText(null);
            String coderType = coderParameter.path("type").asText(null);
            if (!Objects.equals(ourType, coderType)) {
                report(where + " type", "ours " + ourType + ", Coder's " + coderType);
            }
            String coderFormat = meaningfulFormat(coderParameter);
            String ourFormat = ourSchema.path("format").asText(null);
            if (coderFormat != null && !coderFormat.equals(ourFormat)) {
                report(where + " format", "ours " + ourFormat + ", Coder's " + coderFormat);
            }
        });
        ourParameters.keySet().stream()
                .filter(name -> !coderParameters.containsKey(name))
                .forEach(name -> report(key + ": parameter " + name + " not in Coder's swagger", "an extra parameter"));
        // Generated clients take the parameters in the document's order.
        List<String> ourOrder = ourParameters.keySet().stream()
                .filter(coderParameters::containsKey)
                .toList();
        List<String> coderOrder = coderParameters.keySet().stream()
                .filter(ourParameters::containsKey)
                .toList();
        if (!ourOrder.equals(coderOrder)) {
            report(key + ": parameter order", "ours " + ourOrder + ", Coder's " + coderOrder);
        }
    }

    /** Non-body parameters by {@code name (in)}. */
    private static Map<String, JsonNode> parameters(JsonNode operation) {
        Map<String, JsonNode> parameters = new LinkedHashMap<>();
        for (JsonNode parameter : operation.path("parameters")) {
            if (!parameter.path("in").asText().equals("body")) {
                parameters.put(
                        parameter.path("name").asText() + " ("
                                + parameter.path("in").asText() + ")",
                        parameter);
            }
        }
        return parameters;
    }

    private static JsonNode coderBody(JsonNode operation) {
        for (JsonNode parameter : operation.path("parameters")) {
            if (parameter.path("in").asText().equals("body")) {
                return parameter;
            }
        }
        return null;
    }

    private void compareRequestBody(String key, JsonNode our, JsonNode coder) {
        JsonNode coderBody = coderBody(coder);
        JsonNode ourBody = our.get("requestBody");
        if (coderBody == null && ourBody == null) {
            return;
        }
        if (ourBody == null) {
            report(key + ": request body missing", "Coder's swagger reads a body");
            return;
        }
        if (coderBody == null) {
            report(key + ": request body not in Coder's swagger", "ours reads a body");
            return;
        }
        if (ourBody.path("required").asBoolean(false)
                != coderBody.path("required").asBoolean(false)) {
            report(
                    key + ": request body required",
                    "ours " + ourBody.path("required") + ", Coder's " + coderBody.path("required"));
        }
        compareSchema(key + " body", jsonSchema(ourBody), coderBody.path("schema"));
    }

    private void compareResponses(String key, JsonNode our, JsonNode coder) {
        JsonNode ourResponses = our.path("responses");
        JsonNode coderResponses = coder.path("responses");
        coderResponses.fieldNames().forEachRemaining(status -> {
            if (!ourResponses.has(status)) {
                report(key + " " + status + ": response missing", "Coder's swagger lists " + status);
            }
        });
        ourResponses.fieldNames().forEachRemaining(status -> {
            if (isSuccess(status) && !coderResponses.has(status)) {
                report(key + " " + status + ": response not in Coder's swagger", "Coder's swagger does not list it");
            }
        });
        coderResponses.fields().forEachRemaining(response -> {
            JsonNode ourResponse = ourResponses.get(response.getKey());
            if (ourResponse == null) {
                return;
            }
            String where = key + " " + response.getKey();
            JsonNode coderSchema = response.getValue().get("schema");
            JsonNode ourSchema = jsonSchema(ourResponse);
            if (coderSchema == null && ourSchema.isMissingNode()) {
                return;
            }
            if (coderSchema == null) {
                report(where + ": body not in Coder's swagger", "ours answers " + describe(resolve(ourSchema, true)));
            } else if (ourSchema.isMissingNode()) {
                report(where + ": body missing", "Coder's swagger answers " + describe(resolve(coderSchema, false)));
            } else {
                compareSchema(where, ourSchema, coderSchema);
            }
        });
    }

    private static boolean isSuccess(String status) {
        return status.startsWith("2") || status.startsWith("3");
    }

    private static JsonNode jsonSchema(JsonNode bodyOrResponse) {
        Iterator<JsonNode> mediaTypes = bodyOrResponse.path("content").elements();
        return mediaTypes.hasNext() ? mediaTypes.next().path("schema") : MissingNode.getInstance();
    }

    /** A schema after references and single-element allOf wrappers: the first name met, and the definition. */
    private record Resolved(String name, JsonNode schema) {}

    private Resolved resolve(JsonNode schema, boolean ourSide) {
        String prefix = ourSide ? "#/components/schemas/" : "#/definitions/";
        JsonNode definitions = ourSide ? ours.path("components").path("schemas") : coders.path("definitions");
        String name = null;
        JsonNode current = schema;
        for (int depth = 0; depth < 16; depth++) {
            String ref = current.path("$ref").asText(null);
            if (ref != null && ref.startsWith(prefix)) {
                String target = ref.substring(prefix.length());
                name = name == null ? target : name;
                current = definitions.path(target);
            } else if (current.path("allOf").size() == 1 && !current.has("properties")) {
                current = current.path("allOf").get(0);
            } else {
                break;
            }
        }
        return new Resolved(name, current);
    }

    private static String describe(Resolved schema) {
        return schema.name() != null ? schema.name() : String.valueOf(type(schema.schema()));
    }

    private void compareSchema(String where, JsonNode ourSchema, JsonNode coderSchema) {
        Resolved our = resolve(ourSchema, true);
        Resolved coder = resolve(coderSchema, false);
        String at = where;
        if (our.name() != null && coder.name() != null) {
            if (!our.name().equals(coder.name())) {
                report(where + ": schema " + our.name(), "Coder's swagger: " + coder.name());
                return;
            }
            at = our.name();
            if (!comparedSchemas.add(at)) {
                return;
            }
            compareEnumerations(at, our.schema(), coder.schema());
        }
        String ourType = type(our.schema());
        String coderType = type(coder.schema());
        if (!Objects.equals(ourType, coderType)) {
            report(at + ": type", "ours " + ourType + ", Coder's " + describe(coder));
            return;
        }
        String coderFormat = meaningfulFormat(coder.schema());
        String ourFormat = our.schema().path("format").asText(null);
        if (coderFormat != null && !coderFormat.equals(ourFormat)) {
            report(at + ": format", "ours " + ourFormat + ", Coder's " + coderFormat);
        }
        if ("array".equals(coderType)) {
            compareSchema(at + "[]", our.schema().path("items"), coder.schema().path("items"));
        } else if ("object".equals(coderType)) {
            compareObjects(at, our.schema(), coder.schema());
        }
    }

    private void compareObjects(String at, JsonNode our, JsonNode coder) {
        Set<String> ourProperties = names(our.path("properties"));
        Set<String> coderProperties = names(coder.path("properties"));
        for (String property : coderProperties) {
            if (!ourProperties.contains(property)) {
                report(at + "." + property + ": missing", "Coder's swagger has it");
            }
        }
        for (String property : ourProperties) {
            if (!coderProperties.contains(property)) {
                report(at + "." + property + ": not in Coder's swagger", "an extra property");
            } else {
                compareSchema(
                        at + "." + property,
                        our.path("properties").path(property),
                        coder.path("properties").path(property));
            }
        }
        Set<String> ourRequired = values(our.path("required"));
        Set<String> coderRequired = values(coder.path("required"));
        if (!ourRequired.equals(coderRequired)) {
            report(at + ": required", "ours " + ourRequired + ", Coder's " + coderRequired);
        }
        boolean ourMap = our.has("additionalProperties")
                && !our.path("additionalProperties").asText().equals("false");
        boolean coderMap = coder.has("additionalProperties")
                && !coder.path("additionalProperties").asText().equals("false");
        if (ourMap != coderMap) {
            report(at + ": map", "ours " + (ourMap ? "a map" : "not a map") + ", Coder's the opposite");
        } else if (ourMap
                && our.path("additionalProperties").isObject()
                && coder.path("additionalProperties").isObject()
                && !coder.path("additionalProperties").isEmpty()) {
            compareSchema(at + "{}", our.path("additionalProperties"), coder.path("additionalProperties"));
        }
    }

    private void compareEnumerations(String name, JsonNode our, JsonNode coder) {
        if (!our.has("enum") || !coder.has("enum")) {
            return;
        }
        Set<String> ourValues = values(our.path("enum"));
        Set<String> coderValues = values(coder.path("enum"));
        if (!ourValues.equals(coderValues)) {
            Set<String> extra = new TreeSet<>(ourValues);
            extra.removeAll(coderValues);
            Set<String> missing = new TreeSet<>(coderValues);
            missing.removeAll(ourValues);
            report(name + ": enum", "ours also " + extra + ", ours lacks " + missing);
        }
    }

    /** The JSON type a schema describes; swagger and OpenAPI 3.0 both spell it {@code type}. */
    private static String type(JsonNode schema) {
        if (schema.has("type")) {
            return schema.path("type").asText();
        }
        if (schema.has("properties") || schema.has("additionalProperties")) {
            return "object";
        }
        if (schema.has("items")) {
            return "array";
        }
        return null;
    }

    /** A format that says something: Coder's generator sometimes writes the type name as the format. */
    private static String meaningfulFormat(JsonNode schema) {
        String format = schema.path("format").asText(null);
        return format == null || format.equals(schema.path("type").asText()) ? null : format;
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> values(JsonNode array) {
        Set<String> values = new TreeSet<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private void report(String key, String detail) {
        differences.putIfAbsent(key, new Difference(key, detail));
    }
}
