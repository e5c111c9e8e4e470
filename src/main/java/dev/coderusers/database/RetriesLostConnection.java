package dev.coderusers.database;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A method that works outside a transaction and reads only, or writes only what a second run would find already
 * written (a guarded update): when its connection is lost, it runs once more (on a connection the pool has just
 * validated). Transactional methods need no mark:
 * {@link LostConnectionRetry} covers them.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RetriesLostConnection {}
