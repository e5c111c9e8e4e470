package dev.coderusers.user;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code codersdk.UserStatus}; stored in the PostgreSQL enum {@code user_status}. */
@Schema(
        name = "codersdk.UserStatus",
        enumeration = {"active", "dormant", "suspended"})
public enum UserStatus {
    ACTIVE("active"),
    DORMANT("dormant"),
    SUSPENDED("suspended");

    private final String value;

    UserStatus(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    public static Optional<UserStatus> parse(String value) {
        return Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst();
    }

    @Converter(autoApply = true)
    public static class DatabaseConverter implements AttributeConverter<UserStatus, String> {
        @Override
        public String convertToDatabaseColumn(UserStatus status) {
            return status == null ? null : status.value;
        }

        @Override
        public UserStatus convertToEntityAttribute(String value) {
            return value == null ? null : parse(value).orElseThrow();
        }
    }
}
