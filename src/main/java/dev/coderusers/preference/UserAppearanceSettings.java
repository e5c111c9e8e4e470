package dev.coderusers.preference;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code codersdk.UserAppearanceSettings}: both fields are {@code ""} until the user sets them. */
@Schema(name = "codersdk.UserAppearanceSettings")
public record UserAppearanceSettings(
        @Schema(description = "Free text chosen by the UI (auto, dark, light, ...); \"\" when never set.")
        String themePreference,

        @Schema(
                description = "\"\" when never set.",
                enumeration = {"", "geist-mono", "ibm-plex-mono", "fira-code", "source-code-pro", "jetbrains-mono"})
        String terminalFont) {}
