package dev.coderusers.apikey;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The scopes a client may ask for when it creates a token, and the RBAC resource types an allow list may
 * name. Both are the values of Coder's {@code codersdk.APIKeyScope} and {@code codersdk.RBACResource}
 * enums (swagger at the commit of the contract): the legacy aliases {@code all} and
 * {@code application_connect}, the composite {@code coder:*} scopes, and {@code <resource>:<action>} for
 * each resource's actions ({@code *} meaning all of them).
 */
public final class ApiKeyScopes {

    public static final String LEGACY_ALL = "all";
    public static final String LEGACY_APPLICATION_CONNECT = "application_connect";

    /** The legacy names are accepted on input and stored under their {@code coder:} names. */
    private static final Map<String, String> ALIASES =
            Map.of(LEGACY_ALL, ApiKey.SCOPE_ALL, LEGACY_APPLICATION_CONNECT, ApiKey.SCOPE_APPLICATION_CONNECT);

    private static final List<String> COMPOSITE = List.of(
            ApiKey.SCOPE_ALL,
            ApiKey.SCOPE_APPLICATION_CONNECT,
            "coder:apikeys.manage_self",
            "coder:templates.author",
            "coder:templates.build",
            "coder:workspaces.access",
            "coder:workspaces.create",
            "coder:workspaces.delete",
            "coder:workspaces.operate");

    /** Each RBAC resource type with the actions that can be granted on it as a scope. */
    private static final Map<String, List<String>> RESOURCE_ACTIONS = resourceActions(
            "ai_model_price", "* read update",
            "ai_seat", "* create read",
            "aibridge_interception", "* create read update",
            "api_key", "* create delete read update",
            "assign_org_role", "* assign create delete read unassign update",
            "assign_role", "* assign read unassign",
            "audit_log", "* create read",
            "boundary_usage", "* delete read update",
            "chat", "* create delete read update",
            "connection_log", "* read update",
            "crypto_key", "* create delete read update",
            "debug_info", "* read",
            "deployment_config", "* read update",
            "deployment_stats", "* read",
            "file", "* create read",
            "group", "* create delete read update",
            "group_member", "* read",
            "idpsync_settings", "* read update",
            "inbox_notification", "* create read update",
            "license", "* create delete read",
            "notification_message", "* create delete read update",
            "notification_preference", "* read update",
            "notification_template", "* read update",
            "oauth2_app", "* create delete read update",
            "oauth2_app_code_token", "* create delete read",
            "oauth2_app_secret", "* create delete read update",
            "organization", "* create delete read update",
            "organization_member", "* create delete read update",
            "prebuilt_workspace", "* delete update",
            "provisioner_daemon", "* create delete read update",
            "provisioner_jobs", "* create read update",
            "replicas", "* read",
            "system", "* create delete read update",
            "tailnet_coordinator", "* create delete read update",
            "task", "* create delete read update",
            "template", "* create delete read update use view_insights",
            "usage_event", "* create read update",
            "user", "* create delete read read_personal update update_personal",
            "user_secret", "* create delete read update",
            "webpush_subscription", "* create delete read",
            "workspace",
                    "* application_connect create create_agent delete delete_agent read share ssh start stop update update_agent",
            "workspace_agent_devcontainers", "* create",
            "workspace_agent_resource_monitor", "* create read update",
            "workspace_dormant",
                    "* application_connect create create_agent delete delete_agent read share ssh start stop update update_agent",
            "workspace_proxy", "* create delete read update");

    private static final Set<String> EXTERNAL = externalScopes();

    private ApiKeyScopes() {}

    /** Whether a client may request {@code name} (Coder's {@code rbac.IsExternalScope}). */
    public static boolean isExternal(String name) {
        return EXTERNAL.contains(name);
    }

    /** The stored spelling of a requested scope: the legacy aliases become their {@code coder:} names. */
    public static String canonical(String name) {
        return ALIASES.getOrDefault(name, name);
    }

    /** Whether {@code type} names an RBAC resource (the {@code codersdk.RBACResource} enum without {@code *}). */
    public static boolean isResourceType(String type) {
        return RESOURCE_ACTIONS.containsKey(type);
    }

    /** Every scope a client may request. */
    public static Set<String> external() {
        return EXTERNAL;
    }

    /**
     * The deprecated single {@code scope} of an API key as Coder derives it from the scopes:
     * {@code application_connect} wins over {@code all}; any other set has no legacy name.
     */
    public static String legacyScope(List<String> scopes) {
        if (scopes.contains(ApiKey.SCOPE_APPLICATION_CONNECT)) {
            return LEGACY_APPLICATION_CONNECT;
        }
        if (scopes.contains(ApiKey.SCOPE_ALL)) {
            return LEGACY_ALL;
        }
        return "";
    }

    private static Set<String> externalScopes() {
        Set<String> scopes = new LinkedHashSet<>(List.of(LEGACY_ALL, LEGACY_APPLICATION_CONNECT));
        scopes.addAll(COMPOSITE);
        RESOURCE_ACTIONS.forEach((resource, actions) -> actions.forEach(action -> scopes.add(resource + ":" + action)));
        return Collections.unmodifiableSet(scopes);
    }

    private static Map<String, List<String>> resourceActions(String... pairs) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], List.of(pairs[i + 1].split(" ")));
        }
        return Collections.unmodifiableMap(map);
    }
}
