package dev.coderusers.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Request size limits answered with the API's error body (413, 414, 431). The HTTP parser's own limits
 * ({@code quarkus.http.limits.*}) are set higher, as a backstop that answers without a body.
 */
@ConfigMapping(prefix = "coder-users.http")
public interface HttpLimitsConfig {

    /** Longest request URI (path and query), in characters; longer ones answer 414. */
    @WithDefault("4096")
    int maxUriLength();

    /** Largest total size of the request headers (names, values, separators); larger ones answer 431. */
    @WithDefault("20K")
    MemorySize maxHeaderSize();
}
