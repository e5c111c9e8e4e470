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

        @Schema(ref = "codersdk.ThinkingDisplayMode", description = "Absent or \"\": unchanged.")
        String thinkingDisplayMode,

        @Schema(ref = "codersdk.AgentDisplayMode", description = "Absent or \"\": unchanged.")
        String codeDiffDisplayMode) {}
