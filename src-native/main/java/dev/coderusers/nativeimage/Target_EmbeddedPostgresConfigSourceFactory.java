package dev.coderusers.nativeimage;

import com.oracle.svm.core.annotate.Substitute;
import com.oracle.svm.core.annotate.TargetClass;
import dev.coderusers.devdb.EmbeddedPostgresConfigSourceFactory;
import io.smallrye.config.ConfigSourceContext;
import java.util.List;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Keeps the dev-mode embedded PostgreSQL out of the native image. Only native-image reads this class; on
 * the JVM it is inert.
 *
 * <p>{@link EmbeddedPostgresConfigSourceFactory} is a config-source factory, and Quarkus instantiates the
 * discovered factories in every launch mode, so its code is reachable in the native image. It loads
 * {@code dev.coderusers.devdb.EmbeddedPostgresLauncher} by a constant name and looks up its {@code start}
 * method with constant arguments; native-image folds both calls into direct references, which makes the
 * launcher reachable too. The launcher links against the embedded-PostgreSQL library, which has scope
 * {@code provided} and is therefore not in the image, and Quarkus builds with {@code --link-at-build-time}:
 * the build would stop on the unresolved type. A native binary never runs in the {@code dev} profile, so
 * the factory's only method that reaches the launcher is replaced by one that contributes nothing.
 */
@TargetClass(EmbeddedPostgresConfigSourceFactory.class)
final class Target_EmbeddedPostgresConfigSourceFactory {

    @Substitute
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        return List.of();
    }
}
