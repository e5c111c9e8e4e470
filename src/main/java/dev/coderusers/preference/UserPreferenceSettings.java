package dev.coderusers.preference;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code codersdk.UserPreferenceSettings}: always complete; settings never stored read as their defaults
 * ({@code false}, {@code "auto"}, {@code "auto"}).
 */
@Schema(name = "codersdk.UserPreferenceSettings")
public record UserPreferenceSettings(
        boolean taskNotificationAlertDismissed,

        @Schema(ref = "codersdk.ThinkingDisplayMode") String thinkingDisplayMode,

        @Schema(ref = "codersdk.AgentDisplayMode") String codeDiffDisplayMode) {}
