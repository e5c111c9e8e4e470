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
import java.util.regex.Pattern;

/**
 * An email address as Go's validator {@code email} tag accepts it: an RFC 5322 style
 * {@code local@domain}, with a dot-separated host of letters, digits and hyphens (or an IP literal).
 * Empty values pass: {@link Required} reports those.
 */
@Target({FIELD, PARAMETER})
@Retention(RUNTIME)
@Constraint(validatedBy = CoderEmail.Validator.class)
public @interface CoderEmail {
    String message() default "email";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    Pattern PATTERN = Pattern.compile("^(?:[a-zA-Z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[a-zA-Z0-9!#$%&'*+/=?^_`{|}~-]+)*"
            + "|\"(?:[\\x01-\\x08\\x0b\\x0c\\x0e-\\x1f\\x21\\x23-\\x5b\\x5d-\\x7f]|\\\\[\\x01-\\x09\\x0b\\x0c\\x0e-\\x7f])*\")"
            + "@(?:(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\\.)*[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?"
            + "|\\[(?:[0-9]{1,3}\\.){3}[0-9]{1,3}])$");

    class Validator implements ConstraintValidator<CoderEmail, String> {
        public static boolean matches(String email) {
            return email.length() <= 254 && PATTERN.matcher(email).matches();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.isEmpty() || matches(value);
        }
    }
}
