package dev.coderusers.preference;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code codersdk.UserAppearanceSettings}: both fields are {@code ""} until the user sets them. */
@Schema(name = "codersdk.UserAppearanceSettings")
public record UserAppearanceSettings(
        @Schema(description = "Free text chosen by the UI (auto, dark, light, ...); \"\" when never set.")
        String themePreference,

        @Schema(ref = "codersdk.TerminalFontName", description = "\"\" when never set.")
        String terminalFont) {}
