package dev.coderusers.apikey;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * {@code codersdk.APIKeyScope}, Coder's enumeration of the scopes a token may be created with. Scope fields
 * name this class as their schema ({@code @Schema(implementation = ApiKeyScopeSchema.class)}); as a filter it
 * then fills in the values from the list the service validates against ({@link ApiKeyScopes#external()}), so
 * that the document and the checks cannot drift apart.
 */
@Schema(name = ApiKeyScopeSchema.NAME, type = SchemaType.STRING)
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ApiKeyScopeSchema implements OASFilter {

    static final String NAME = "codersdk.APIKeyScope";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() != null
                && openAPI.getComponents().getSchemas() != null
                && openAPI.getComponents().getSchemas().containsKey(NAME)) {
            openAPI.getComponents().getSchemas().get(NAME).setEnumeration(new ArrayList<>(ApiKeyScopes.external()));
        }
    }
}
