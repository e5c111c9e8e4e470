package dev.coderusers.user;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code codersdk.UpdateRoles}: the full set of site roles a user should have (absent means none). */
@Schema(name = "codersdk.UpdateRoles")
public record UpdateRolesRequest(List<String> roles) {}
