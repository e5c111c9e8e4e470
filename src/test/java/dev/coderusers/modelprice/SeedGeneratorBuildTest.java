package dev.coderusers.modelprice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coderusers.testsupport.GeneratorClasses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The price-book generator is a build tool with a Maven project of its own (seed/generator), not part of the
 * service: none of its classes is compiled into target/classes, the folder the runner jar and the native image
 * are made of (the packaged artifact itself is checked by PackagedArtifactContentsIT), and its pom builds with
 * the same versions as the service's, so that both compile the shared seed model (src/seed/java) alike.
 */
class SeedGeneratorBuildTest {

    private static final Path CLASSES = Path.of("target", "classes");

    @Test
    void theServiceClassesHoldNoGeneratorClass() throws Exception {
        assertThat(CLASSES.resolve("dev/coderusers/modelprice/PriceSeed.class"))
                .as("the service's classes, shared seed model included, are compiled")
                .exists();
        try (Stream<Path> files = Files.walk(CLASSES)) {
            List<String> generatorClasses = GeneratorClasses.among(
                    files.map(file -> CLASSES.relativize(file).toString().replace('\\', '/')));
            assertThat(generatorClasses)
                    .as("generator classes (from %s) in %s", GeneratorClasses.SOURCES, CLASSES)
                    .isEmpty();
        }
    }

    @Test
    void generatorClassesAreRecognisedWhereverTheyAppear() {
        assertThat(GeneratorClasses.simpleNames()).contains("PriceBookGenerator", "ModelsDevConverter", "SourceReader");
        assertThat(GeneratorClasses.among(Stream.of(
                        "dev/coderusers/modelprice/generator/PriceBookGenerator.class",
                        "dev/coderusers/modelprice/generator/Anything$1.class",
                        "dev/coderusers/modelprice/SourceReader$Fetch.class",
                        "dev/coderusers/modelprice/PriceSeed.class",
                        "dev/coderusers/modelprice/PriceBookJson.class",
                        "org/apache/commons/lang3/Conversion.class",
                        "dev/coderusers/modelprice/generator/notes.txt")))
                .containsExactly(
                        "dev/coderusers/modelprice/SourceReader$Fetch.class",
                        "dev/coderusers/modelprice/generator/Anything$1.class",
                        "dev/coderusers/modelprice/generator/PriceBookGenerator.class");
    }

    @Test
    void theGeneratorBuildsWithTheServicesVersions() throws Exception {
        Element service = pom(Path.of("pom.xml"));
        Element generator = pom(Path.of("seed", "generator", "pom.xml"));
        for (String property : List.of(
                "maven.compiler.release",
                "quarkus.platform.group-id",
                "quarkus.platform.artifact-id",
                "quarkus.platform.version",
                "compiler-plugin.version",
                "surefire-plugin.version",
                "build-helper-plugin.version")) {
            assertThat(property(generator, property))
                    .as("seed/generator/pom.xml <%s>, as in pom.xml", property)
                    .isEqualTo(property(service, property))
                    .isNotBlank();
        }
    }

    private static Element pom(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(file.toFile())
                .getDocumentElement();
    }

    private static String property(Element pom, String name) {
        Element properties = (Element) pom.getElementsByTagName("properties").item(0);
        var values = properties.getElementsByTagName(name);
        return values.getLength() == 0 ? null : values.item(0).getTextContent().trim();
    }
}
