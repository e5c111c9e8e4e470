package dev.coderusers.preference;

import dev.coderusers.api.ApiException;
import dev.coderusers.api.RequestBodies;
import dev.coderusers.role.Permissions;
import dev.coderusers.security.Actor;
import dev.coderusers.user.User;
import dev.coderusers.user.UserTarget;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A user's personal settings (Coder's coderd/users.go appearance and preference handlers), stored as
 * {@code user_configs} rows under Coder's key names.
 *
 * <p>Coder checks {@code read_personal} / {@code update_personal} in its database layer and answers 500 when
 * a caller who may read the user lacks them (auditor, template-admin); here that is 404, as for any resource
 * the caller may not see. The order of checks is otherwise Coder's: the {@code {user}} is resolved first (a
 * caller who may not see it gets 404 whatever it sent), then the body is judged, then the permission.
 */
@ApplicationScoped
public class PreferenceService {

    static final String THEME_PREFERENCE = "theme_preference";
    static final String TERMINAL_FONT = "terminal_font";
    static final String TASK_ALERT_DISMISSED = "preference_task_notification_alert_dismissed";
    static final String THINKING_DISPLAY_MODE = "preference_thinking_display_mode";
    static final String CODE_DIFF_DISPLAY_MODE = "preference_code_diff_display_mode";

    /** codersdk.TerminalFontNames. */
    static final List<String> TERMINAL_FONTS =
            List.of("geist-mono", "ibm-plex-mono", "fira-code", "source-code-pro", "jetbrains-mono");

    /** codersdk.ValidThinkingDisplayModes. */
    static final List<String> THINKING_DISPLAY_MODES =
            List.of("auto", "preview", "always_expanded", "always_collapsed");

    /** codersdk.ValidAgentDisplayModes, the modes of code diffs ({@code preview} is not one of them). */
    static final List<String> CODE_DIFF_DISPLAY_MODES = List.of("auto", "always_expanded", "always_collapsed");

    static final String DEFAULT_DISPLAY_MODE = "auto";

    private static final List<String> APPEARANCE_KEYS = List.of(THEME_PREFERENCE, TERMINAL_FONT);
    private static final List<String> PREFERENCE_KEYS =
            List.of(TASK_ALERT_DISMISSED, THINKING_DISPLAY_MODE, CODE_DIFF_DISPLAY_MODE);

    private final EntityManager entityManager;
    private final RequestBodies bodies;

    public PreferenceService(EntityManager entityManager, RequestBodies bodies) {
        this.entityManager = entityManager;
        this.bodies = bodies;
    }

    /** {@code GET /users/{user}/appearance}. */
    @Transactional
    public UserAppearanceSettings appearance(Actor actor, User target) {
        Permissions.requireReadPersonal(actor, target.id);
        Map<String, String> stored = UserConfig.valuesOf(target.id, APPEARANCE_KEYS);
        return new UserAppearanceSettings(
                stored.getOrDefault(THEME_PREFERENCE, ""), stored.getOrDefault(TERMINAL_FONT, ""));
    }

    /** {@code PUT /users/{user}/appearance}: both settings replaced, in one statement. */
    @Transactional
    public UserAppearanceSettings updateAppearance(
            Actor actor, UserTarget targetParam, UpdateUserAppearanceSettingsRequest body) {
        User target = targetParam.resolve();
        UpdateUserAppearanceSettingsRequest request = bodies.read(body);
        if (!TERMINAL_FONTS.contains(request.terminalFont())) {
            throw ApiException.badRequest("Unsupported font family.");
        }
        Permissions.requireUpdatePersonal(actor, target.id);
        Map<String, String> values = new LinkedHashMap<>();
        values.put(THEME_PREFERENCE, request.themePreference());
        values.put(TERMINAL_FONT, request.terminalFont());
        upsert(target.id, values);
        return new UserAppearanceSettings(request.themePreference(), request.terminalFont());
    }

    /** {@code GET /users/{user}/preferences}. */
    @Transactional
    public UserPreferenceSettings preferences(Actor actor, User target) {
        Permissions.requireReadPersonal(actor, target.id);
        return settingsOf(UserConfig.valuesOf(target.id, PREFERENCE_KEYS));
    }

    /**
     * {@code PUT /users/{user}/preferences}: a partial update. The settings given are written in one statement
     * and the answer is the full set as it now stands, all in one transaction.
     */
    @Transactional
    public UserPreferenceSettings updatePreferences(
            Actor actor, UserTarget targetParam, UpdateUserPreferenceSettingsRequest body) {
        User target = targetParam.resolve();
        UpdateUserPreferenceSettingsRequest request = bodies.read(body);
        String thinking = emptyToNull(request.thinkingDisplayMode());
        if (thinking != null && !THINKING_DISPLAY_MODES.contains(thinking)) {
            throw ApiException.badRequest(
                    "Invalid thinking display mode.",
                    "thinking_display_mode",
                    "must be one of: " + String.join(", ", THINKING_DISPLAY_MODES));
        }
        String codeDiff = emptyToNull(request.codeDiffDisplayMode());
        if (codeDiff != null && !CODE_DIFF_DISPLAY_MODES.contains(codeDiff)) {
            throw ApiException.badRequest(
                    "Invalid code diff display mode.",
                    "code_diff_display_mode",
                    "must be one of: " + String.join(", ", CODE_DIFF_DISPLAY_MODES));
        }
        Permissions.requireUpdatePersonal(actor, target.id);

        Map<String, String> changes = new LinkedHashMap<>();
        if (request.taskNotificationAlertDismissed() != null) {
            changes.put(
                    TASK_ALERT_DISMISSED,
                    request.taskNotificationAlertDismissed().toString());
        }
        if (thinking != null) {
            changes.put(THINKING_DISPLAY_MODE, thinking);
        }
        if (codeDiff != null) {
            changes.put(CODE_DIFF_DISPLAY_MODE, codeDiff);
        }
        Map<String, String> settings = new LinkedHashMap<>(UserConfig.valuesOf(target.id, PREFERENCE_KEYS));
        if (!changes.isEmpty()) {
            upsert(target.id, changes);
            settings.putAll(changes);
        }
        return settingsOf(settings);
    }

    /**
     * Inserts or replaces settings of one user in a single {@code INSERT ... ON CONFLICT DO UPDATE}, so that
     * concurrent first writes of the same key cannot fail on the primary key.
     */
    private void upsert(UUID userId, Map<String, String> values) {
        StringBuilder sql = new StringBuilder("INSERT INTO user_configs (user_id, key, value) VALUES ");
        int parameter = 2;
        for (int i = 0; i < values.size(); i++) {
            sql.append(i == 0 ? "" : ", ")
                    .append("(?1, ?")
                    .append(parameter++)
                    .append(", ?")
                    .append(parameter++)
                    .append(')');
        }
        sql.append(" ON CONFLICT (user_id, key) DO UPDATE SET value = EXCLUDED.value");
        Query query = entityManager.createNativeQuery(sql.toString()).setParameter(1, userId);
        parameter = 2;
        for (Map.Entry<String, String> entry : values.entrySet()) {
            query.setParameter(parameter++, entry.getKey());
            query.setParameter(parameter++, entry.getValue());
        }
        query.executeUpdate();
    }

    /**
     * The API view of stored preferences. A value outside its enumeration (written by another version, or by
     * hand) reads as the default, as Coder's sanitising does, rather than failing the request.
     */
    private static UserPreferenceSettings settingsOf(Map<String, String> stored) {
        return new UserPreferenceSettings(
                "true".equals(stored.get(TASK_ALERT_DISMISSED)),
                known(stored.get(THINKING_DISPLAY_MODE), THINKING_DISPLAY_MODES),
                known(stored.get(CODE_DIFF_DISPLAY_MODE), CODE_DIFF_DISPLAY_MODES));
    }

    private static String known(String value, List<String> allowed) {
        return value != null && allowed.contains(value) ? value : DEFAULT_DISPLAY_MODE;
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
