package dev.coderusers.user;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/**
 * A user's account status, Coder's {@code user_status} enum. The wire value is the lower-case name,
 * which is also what the {@code status:} search term accepts.
 */
public enum UserStatus {
    ACTIVE("active"),
    /** Not seen for a while; still allowed to log in, which makes the user active again. */
    DORMANT("dormant"),
    SUSPENDED("suspended");

    private final String wireValue;

    UserStatus(String wireValue) {
        this.wireValue = wireValue;
    }

    @JsonValue
    public String wireValue() {
        return wireValue;
    }

    /** Exact, case-sensitive match on the wire value, as Go's {@code UserStatus.Valid()}. */
    public static Optional<UserStatus> fromWire(String value) {
        for (UserStatus status : values()) {
            if (status.wireValue.equals(value)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
