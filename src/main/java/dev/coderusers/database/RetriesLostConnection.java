package dev.coderusers.database;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A method that reads the database outside a transaction and writes nothing: when its connection is lost, it
 * runs once more (on a connection the pool has just validated). Transactional methods need no mark:
 * {@link LostConnectionRetry} covers them.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RetriesLostConnection {}
