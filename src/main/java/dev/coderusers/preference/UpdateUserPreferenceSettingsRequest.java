package dev.coderusers.preference;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code codersdk.UpdateUserPreferenceSettingsRequest}, a partial update: an absent or null
 * {@code task_notification_alert_dismissed}, and an absent or empty mode, leave that setting unchanged.
 */
@Schema(name = "codersdk.UpdateUserPreferenceSettingsRequest")
public record UpdateUserPreferenceSettingsRequest(
        @Schema(nullable = true, description = "Absent or null: unchanged.")
        Boolean taskNotificationAlertDismissed,

        @Schema(
                description = "Absent or \"\": unchanged.",
                enumeration = {"auto", "preview", "always_expanded", "always_collapsed"})
        String thinkingDisplayMode,

        @Schema(
                description = "Absent or \"\": unchanged. \"preview\" is not a valid code diff mode.",
                enumeration = {"auto", "always_expanded", "always_collapsed"})
        String codeDiffDisplayMode) {}
