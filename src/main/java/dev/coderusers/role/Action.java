package dev.coderusers.role;

/** What is done to a resource, by Coder's RBAC names (coderd/rbac/policy/policy.go). */
public enum Action {
    CREATE("create"),
    READ("read"),
    UPDATE("update"),
    DELETE("delete"),
    /** A user's personal data: appearance, preferences, git SSH key, roles, autofill parameters. */
    READ_PERSONAL("read_personal"),
    /** Change personal data: the above, the password and the display name. */
    UPDATE_PERSONAL("update_personal"),
    ASSIGN("assign"),
    UNASSIGN("unassign");

    private final String wireName;

    Action(String wireName) {
        this.wireName = wireName;
    }

    /** Coder's name of the action, as {@code action} shows it. */
    public String wireName() {
        return wireName;
    }
}
