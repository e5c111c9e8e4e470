package dev.coderusers.preference;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code codersdk.UserPreferenceSettings}: always complete; settings never stored read as their defaults
 * ({@code false}, {@code "auto"}, {@code "auto"}).
 */
@Schema(name = "codersdk.UserPreferenceSettings")
public record UserPreferenceSettings(
        boolean taskNotificationAlertDismissed,

        @Schema(enumeration = {"auto", "preview", "always_expanded", "always_collapsed"})
        String thinkingDisplayMode,

        @Schema(enumeration = {"auto", "always_expanded", "always_collapsed"})
        String codeDiffDisplayMode) {}
