package dev.coderusers.apikey;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * Publishes {@code codersdk.APIKeyScope}, Coder's enumeration of the scopes a token may be created with: scope
 * fields name {@link Scope} as their schema, and this filter fills in its values from the list the service
 * validates against ({@link ApiKeyScopes#external()}), so that the document and the checks cannot drift apart.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ApiKeyScopeSchema implements OASFilter {

    static final String NAME = "codersdk.APIKeyScope";

    /** The schema of a scope, for {@code @Schema(implementation = ApiKeyScopeSchema.Scope.class)}. */
    @Schema(name = NAME, type = SchemaType.STRING)
    public static final class Scope {
        private Scope() {}
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() != null
                && openAPI.getComponents().getSchemas() != null
                && openAPI.getComponents().getSchemas().containsKey(NAME)) {
            openAPI.getComponents().getSchemas().get(NAME).setEnumeration(new ArrayList<>(ApiKeyScopes.external()));
        }
    }
}
