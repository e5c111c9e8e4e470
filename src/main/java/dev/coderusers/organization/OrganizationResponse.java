package dev.coderusers.organization;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code codersdk.Organization}, fields in Coder's order (its MinimalOrganization first); none is omitted when empty. */
@Schema(name = "codersdk.Organization")
@JsonPropertyOrder({"id", "name", "display_name", "icon", "description", "created_at", "updated_at", "is_default"})
public record OrganizationResponse(
        @Schema(required = true, format = "uuid") UUID id,
        String name,
        String displayName,
        String icon,
        String description,
        @Schema(required = true, format = "date-time") Instant createdAt,
        @Schema(required = true, format = "date-time") Instant updatedAt,
        @Schema(required = true) boolean isDefault) {

    static OrganizationResponse of(Organization organization) {
        return new OrganizationResponse(
                organization.id,
                organization.name,
                organization.displayName,
                organization.icon,
                organization.description,
                organization.createdAt,
                organization.updatedAt,
                organization.isDefault);
    }
}
