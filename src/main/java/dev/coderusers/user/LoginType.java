package dev.coderusers.user;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/**
 * How a user signs in, Coder's {@code login_type} enum. The wire value is what the API returns in
 * {@code login_type} and what the {@code login_type:} search term accepts.
 */
public enum LoginType {
    PASSWORD("password"),
    GITHUB("github"),
    OIDC("oidc"),
    TOKEN("token"),
    /** No interactive login at all: the account is used through API tokens only. */
    NONE("none"),
    OAUTH2_PROVIDER_APP("oauth2_provider_app");

    private final String wireValue;

    LoginType(String wireValue) {
        this.wireValue = wireValue;
    }

    @JsonValue
    public String wireValue() {
        return wireValue;
    }

    /** Exact, case-sensitive match on the wire value, as Go's {@code LoginType.Valid()}. */
    public static Optional<LoginType> fromWire(String value) {
        for (LoginType type : values()) {
            if (type.wireValue.equals(value)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
