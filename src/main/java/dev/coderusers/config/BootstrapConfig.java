package dev.coderusers.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the background start-up (migrations, then the price seed) retries while the database is unreachable. */
@ConfigMapping(prefix = "coder-users.bootstrap")
public interface BootstrapConfig {

    /** Delay before the first retry; doubled after every failed attempt. */
    @WithDefault("500ms")
    Duration retryInitial();

    /** Upper bound of the delay between two attempts. */
    @WithDefault("15s")
    Duration retryMax();
}
