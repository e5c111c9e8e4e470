package dev.coderusers.preference;

import dev.coderusers.api.validation.Required;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code codersdk.UpdateUserAppearanceSettingsRequest}: both fields required and non-empty (Go {@code required}). */
@Schema(name = "codersdk.UpdateUserAppearanceSettingsRequest")
public record UpdateUserAppearanceSettingsRequest(
        @Schema(required = true, description = "Free text; the UI uses auto, dark, light and colour-blind variants.")
        @Required
        String themePreference,

        @Schema(required = true, ref = "codersdk.TerminalFontName", description = "Not empty.") @Required
        String terminalFont) {}
