package dev.coderusers.openapi;

import dev.coderusers.security.LoginRateLimited;
import dev.coderusers.security.RequiresSession;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;

/**
 * Completes the generated OpenAPI document with what every operation shares, so that the resources only
 * declare what is particular to them (run once, at build time, on the document SmallRye scanned):
 *
 * <ul>
 *   <li>the {@code CoderSessionToken} security requirement on exactly the operations whose method or class
 *       carries {@link RequiresSession}, and a 401 on them; no security on the public ones;
 *   <li>429 on the {@link LoginRateLimited} operations; 404 on the operations of a {@code {user}} (the user
 *       is resolved before the handler runs); 400 on the operations that read a body (not JSON, or invalid);
 *       500 (unexpected failure) and 503 (service still starting, {@link StartupGate}) on all of them;
 *   <li>the error body {@code codersdk.Response} on every 4xx and 5xx response that names no other, so a
 *       resource writes {@code @APIResponse(responseCode = "409", description = …)} and nothing more;
 *   <li>{@code uuid} and {@code date-time} written inline ({@code type: string, format: …}) as in Coder's
 *       swagger, where SmallRye would refer to shared {@code UUID} and {@code Instant} schemas.
 * </ul>
 *
 * A response a resource declares itself is kept as it is (its description wins); responses are listed in
 * order of status.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class OpenApiContractFilter implements OASFilter {

    /** The name of the session-token security scheme, as in Coder's swagger. */
    public static final String SESSION_TOKEN = "CoderSessionToken";

    public static final String ERROR_SCHEMA = "codersdk.Response";

    private static final DotName OPERATION =
            DotName.createSimple(org.eclipse.microprofile.openapi.annotations.Operation.class);
    private static final DotName REQUIRES_SESSION = DotName.createSimple(RequiresSession.class);
    private static final DotName LOGIN_RATE_LIMITED = DotName.createSimple(LoginRateLimited.class);

    /** SmallRye's shared schemas for java.util.UUID and java.time.Instant, and the format each stands for. */
    private static final Map<String, String> JAVA_TYPE_SCHEMAS = Map.of("UUID", "uuid", "Instant", "date-time");

    private static final String UUID_PATTERN =
            "[a-fA-F0-9]{8}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{12}";

    private final Set<String> authenticated = new HashSet<>();
    private final Set<String> rateLimited = new HashSet<>();

    /** SmallRye passes the application's index to a filter that takes one. */
    public OpenApiContractFilter(IndexView index) {
        for (AnnotationInstance operation : index.getAnnotations(OPERATION)) {
            AnnotationValue id = operation.value("operationId");
            if (id == null || operation.target().kind() != AnnotationTarget.Kind.METHOD) {
                continue;
            }
            MethodInfo method = operation.target().asMethod();
            if (declares(method, REQUIRES_SESSION)) {
                authenticated.add(id.asString());
            }
            if (declares(method, LOGIN_RATE_LIMITED)) {
                rateLimited.add(id.asString());
            }
        }
    }

    private static boolean declares(MethodInfo method, DotName annotation) {
        return method.hasDeclaredAnnotation(annotation)
                || method.declaringClass().hasDeclaredAnnotation(annotation);
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths()
                    .getPathItems()
                    .values()
                    .forEach(item -> item.getOperations().values().forEach(this::complete));
        }
        inlineJavaTypeSchemas(openAPI);
    }

    private void complete(Operation operation) {
        String id = operation.getOperationId();
        boolean needsSession = id != null && authenticated.contains(id);
        operation.setSecurity(
                needsSession ? List.of(OASFactory.createSecurityRequirement().addScheme(SESSION_TOKEN)) : null);

        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        if (operation.getRequestBody() != null) {
            addIfAbsent(responses, "400", "The body is not valid JSON, or a field fails validation");
        }
        if (needsSession) {
            addIfAbsent(
                    responses,
                    "401",
                    "Not signed in: no session token, or one that is invalid, expired, or of a suspended user");
        }
        if (hasPathParameter(operation, "user")) {
            addIfAbsent(responses, "404", "No such user, or the caller may not see it");
        }
        if (id != null && rateLimited.contains(id)) {
            addIfAbsent(
                    responses,
                    "429",
                    "Rate limited: too many requests to this endpoint in a minute from this user or client address"
                            + " (coder-users.auth.login-rate-limit-per-minute, 60 by default)");
        }
        addIfAbsent(responses, "500", "Unexpected failure; the detail names an error id to look for in the logs");
        addIfAbsent(
                responses,
                "503",
                "The service is starting (database not migrated or price book not applied yet); retry after the"
                        + " Retry-After seconds");

        Map<String, APIResponse> sorted = new LinkedHashMap<>();
        responses.getAPIResponses().entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.comparing(OpenApiContractFilter::statusOrder)))
                .forEach(entry -> {
                    sorted.put(entry.getKey(), entry.getValue());
                    if (isError(entry.getKey()) && isEmpty(entry.getValue().getContent())) {
                        entry.getValue().setContent(errorContent());
                    }
                });
        responses.setAPIResponses(sorted);
    }

    private static void addIfAbsent(APIResponses responses, String status, String description) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
        }
    }

    private static boolean hasPathParameter(Operation operation, String name) {
        return operation.getParameters() != null
                && operation.getParameters().stream()
                        .anyMatch(p -> p.getIn() == Parameter.In.PATH && name.equals(p.getName()));
    }

    /** Numeric statuses in order, then anything else ({@code default}). */
    private static String statusOrder(String status) {
        return status.matches("\\d{3}") ? status : "9" + status;
    }

    private static boolean isError(String status) {
        return status.startsWith("4") || status.startsWith("5");
    }

    private static boolean isEmpty(Content content) {
        return content == null
                || content.getMediaTypes() == null
                || content.getMediaTypes().isEmpty();
    }

    private static Content errorContent() {
        return OASFactory.createContent()
                .addMediaType(
                        jakarta.ws.rs.core.MediaType.APPLICATION_JSON,
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref(ERROR_SCHEMA)));
    }

    /** Replaces every reference to SmallRye's UUID and Instant schemas by an inline string of that format. */
    private static void inlineJavaTypeSchemas(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        Consumer<Schema> inline = schema -> walk(schema, OpenApiContractFilter::inlineJavaType);
        if (components != null && components.getSchemas() != null) {
            components.getSchemas().values().forEach(inline);
        }
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths()
                    .getPathItems()
                    .values()
                    .forEach(item -> item.getOperations().values().forEach(operation -> {
                        if (operation.getParameters() != null) {
                            operation.getParameters().forEach(p -> inline.accept(p.getSchema()));
                        }
                        if (operation.getRequestBody() != null) {
                            mediaTypes(operation.getRequestBody().getContent())
                                    .forEach(m -> inline.accept(m.getSchema()));
                        }
                        if (operation.getResponses() != null) {
                            operation.getResponses().getAPIResponses().values().stream()
                                    .flatMap(r -> mediaTypes(r.getContent()).stream())
                                    .forEach(m -> inline.accept(m.getSchema()));
                        }
                    }));
        }
        if (components != null && components.getSchemas() != null) {
            JAVA_TYPE_SCHEMAS.forEach((name, format) -> {
                Schema shared = components.getSchemas().get(name);
                if (shared != null && format.equals(shared.getFormat())) {
                    components.removeSchema(name);
                }
            });
        }
    }

    private static List<MediaType> mediaTypes(Content content) {
        return isEmpty(content)
                ? List.of()
                : List.copyOf(content.getMediaTypes().values());
    }

    /** Visits a schema and everything nested in it, innermost first. */
    private static void walk(Schema schema, Consumer<Schema> visitor) {
        if (schema == null) {
            return;
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(p -> walk(p, visitor));
        }
        walk(schema.getItems(), visitor);
        walk(schema.getAdditionalPropertiesSchema(), visitor);
        walk(schema.getNot(), visitor);
        for (List<Schema> composed : java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
            if (composed != null) {
                composed.forEach(s -> walk(s, visitor));
            }
        }
        visitor.accept(schema);
    }

    private static void inlineJavaType(Schema schema) {
        String format = javaTypeFormat(schema);
        if (format != null) {
            schema.setRef(null);
            schema.setType(List.of(SchemaType.STRING));
            schema.setFormat(format);
        } else if (schema.getAllOf() != null && schema.getAllOf().size() == 1) {
            // A property with its own description refers to the shared schema through allOf.
            Schema only = schema.getAllOf().get(0);
            if (only.getRef() == null && isInlineJavaType(only)) {
                schema.setAllOf(null);
                if (schema.getType() == null || schema.getType().isEmpty()) {
                    schema.setType(only.getType());
                }
                schema.setFormat(only.getFormat());
            }
        }
        if ("uuid".equals(schema.getFormat()) && UUID_PATTERN.equals(schema.getPattern())) {
            schema.setPattern(null);
        }
    }

    private static String javaTypeFormat(Schema schema) {
        String ref = schema.getRef();
        if (ref == null || !ref.startsWith("#/components/schemas/")) {
            return null;
        }
        return JAVA_TYPE_SCHEMAS.get(ref.substring("#/components/schemas/".length()));
    }

    private static boolean isInlineJavaType(Schema schema) {
        return JAVA_TYPE_SCHEMAS.containsValue(schema.getFormat())
                && schema.getType() != null
                && schema.getType().contains(SchemaType.STRING)
                && schema.getProperties() == null;
    }
}
