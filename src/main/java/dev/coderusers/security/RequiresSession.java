package dev.coderusers.security;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks endpoints that need a valid session token ({@link SessionAuthenticationFilter}); everything else is
 * public, as Coder's route groups make {@code /users/first}, {@code /users/authmethods} and the sign-in
 * endpoints.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequiresSession {}
