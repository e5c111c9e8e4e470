package dev.coderusers.user;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code codersdk.LoginType}; stored in the PostgreSQL enum {@code login_type}. */
@Schema(
        name = "codersdk.LoginType",
        enumeration = {"", "password", "github", "oidc", "token", "none"})
public enum LoginType {
    PASSWORD("password"),
    GITHUB("github"),
    OIDC("oidc"),
    TOKEN("token"),
    NONE("none"),
    OAUTH2_PROVIDER_APP("oauth2_provider_app");

    private final String value;

    LoginType(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    public static Optional<LoginType> parse(String value) {
        return Arrays.stream(values()).filter(t -> t.value.equals(value)).findFirst();
    }

    @Converter(autoApply = true)
    public static class DatabaseConverter implements AttributeConverter<LoginType, String> {
        @Override
        public String convertToDatabaseColumn(LoginType type) {
            return type == null ? null : type.value;
        }

        @Override
        public LoginType convertToEntityAttribute(String value) {
            return value == null ? null : parse(value).orElseThrow();
        }
    }
}
