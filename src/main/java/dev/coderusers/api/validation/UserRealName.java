package dev.coderusers.api.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;

/**
 * Coder's display-name rule ({@code user_real_name}): at most 128 bytes and no leading or trailing
 * whitespace; may be empty.
 */
@Target({FIELD, PARAMETER})
@Retention(RUNTIME)
@Constraint(validatedBy = UserRealName.Validator.class)
public @interface UserRealName {
    String message() default "user_real_name";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    int MAX_BYTES = 128;

    class Validator implements ConstraintValidator<UserRealName, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null
                    || (value.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES
                            && value.strip().equals(value));
        }
    }
}
