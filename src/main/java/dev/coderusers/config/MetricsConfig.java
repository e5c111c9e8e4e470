package dev.coderusers.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The service's own metrics at {@code /q/metrics}. */
@ConfigMapping(prefix = "coder-users.metrics")
public interface MetricsConfig {

    /**
     * How long the user counts of {@code coder_users_users} are reused before a scrape counts again: at most
     * one {@code count(*)} per this interval and replica, however often Prometheus scrapes.
     */
    @WithDefault("60s")
    Duration userCountsMaxAge();
}
