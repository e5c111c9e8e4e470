package dev.coderusers.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

/** Where the AI model price book seed comes from. */
@ConfigMapping(prefix = "coder-users.price-book")
public interface PriceBookConfig {

    /** Classpath location of the seed embedded in the build. */
    String EMBEDDED_SEED = "seed/ai-model-prices.json";

    /**
     * A seed file to apply instead of the embedded one (same format), e.g. a newer price book mounted into
     * the container without rebuilding. Unset: the embedded seed.
     */
    Optional<Path> seedFile();

    /**
     * The largest seed file accepted; a larger one is refused like any invalid seed (readiness stays DOWN).
     * Parsing holds the file several times over in memory: 4 MiB is about 25 000 rows.
     */
    @WithDefault("4M")
    MemorySize maxSeedFileSize();
}
