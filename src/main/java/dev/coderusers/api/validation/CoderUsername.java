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
import java.util.regex.Pattern;

/**
 * Coder's username rule ({@code codersdk.NameValid}): 1–32 bytes of letters and digits in groups joined by
 * single hyphens, and not {@code new} or {@code create} (they clash with UI routes). Empty values pass:
 * {@link Required} reports those.
 */
@Target({FIELD, PARAMETER})
@Retention(RUNTIME)
@Constraint(validatedBy = CoderUsername.Validator.class)
public @interface CoderUsername {
    String message() default "username";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    Pattern PATTERN = Pattern.compile("^[a-zA-Z0-9]+(?:-[a-zA-Z0-9]+)*$");

    int MAX_LENGTH = 32;

    class Validator implements ConstraintValidator<CoderUsername, String> {
        public static boolean matches(String name) {
            int bytes = name.getBytes(StandardCharsets.UTF_8).length;
            return bytes >= 1
                    && bytes <= MAX_LENGTH
                    && PATTERN.matcher(name).matches()
                    && !name.equals("new")
                    && !name.equals("create");
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.isEmpty() || matches(value);
        }
    }
}
