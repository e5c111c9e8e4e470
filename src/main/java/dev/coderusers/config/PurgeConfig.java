package dev.coderusers.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The periodic deletion of expired data, as Coder's dbpurge. */
@ConfigMapping(prefix = "coder-users.purge")
public interface PurgeConfig {

    /** How often the purge runs (one replica at a time); Coder's dbpurge runs every 10 minutes. */
    @WithDefault("10m")
    Duration interval();

    /**
     * How long an expired API key is kept before it is deleted (Coder: 7 days); until then it still shows in
     * {@code GET /users/{user}/keys/tokens?include_expired=true}.
     */
    @WithDefault("7d")
    Duration apiKeysRetention();
}
