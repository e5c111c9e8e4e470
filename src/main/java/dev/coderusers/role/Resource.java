package dev.coderusers.role;

import java.util.List;

/**
 * The resource types of the policy, by Coder's RBAC names (coderd/rbac/object_gen.go), each with the actions
 * that apply to it. Only the types this service serves are here.
 */
public enum Resource {
    USER(
            "user",
            Action.CREATE,
            Action.READ,
            Action.UPDATE,
            Action.DELETE,
            Action.READ_PERSONAL,
            Action.UPDATE_PERSONAL),
    API_KEY("api_key", Action.CREATE, Action.READ, Action.UPDATE, Action.DELETE),
    ASSIGN_ROLE("assign_role", Action.ASSIGN, Action.UNASSIGN, Action.READ),
    ORGANIZATION("organization", Action.CREATE, Action.READ, Action.UPDATE, Action.DELETE),
    ORGANIZATION_MEMBER("organization_member", Action.CREATE, Action.READ, Action.UPDATE, Action.DELETE),
    USER_SECRET("user_secret", Action.CREATE, Action.READ, Action.UPDATE, Action.DELETE),
    AI_MODEL_PRICE("ai_model_price", Action.READ, Action.UPDATE);

    private final String wireName;
    private final List<Action> actions;

    Resource(String wireName, Action... actions) {
        this.wireName = wireName;
        this.actions = List.of(actions);
    }

    /** Coder's name of the type, as {@code resource_type} shows it. */
    public String wireName() {
        return wireName;
    }

    public List<Action> actions() {
        return actions;
    }
}
