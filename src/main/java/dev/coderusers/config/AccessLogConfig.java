package dev.coderusers.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The access log: one line per request on the log category {@code dev.coderusers.access}. */
@ConfigMapping(prefix = "coder-users.access-log")
public interface AccessLogConfig {

    /** Log every request: method, route template, status, duration, user id, request id, path without secrets. */
    @WithDefault("false")
    boolean enabled();
}
