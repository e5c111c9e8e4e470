package dev.coderusers.nativeimage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.oracle.svm.core.annotate.Substitute;
import com.oracle.svm.core.annotate.TargetClass;
import dev.coderusers.config.PriceBookConfig;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The native-image configuration is only read by native-image, which cannot run here. These checks catch on
 * the JVM what would otherwise surface only in a native build: a substitution that no longer matches its
 * target, a runtime-initialised class that no longer exists, a migration the resource patterns miss.
 */
class NativeImageConfigurationTest {

    /** Where the build puts src-native/main/native-image (pom.xml); read from the classpath as the jar has it. */
    private static final String CONFIG_DIR = "META-INF/native-image/dev.coderusers/coder-users/";

    @Test
    void everySubstitutionMatchesAMethodOfItsTarget() throws NoSuchMethodException {
        Class<?> substitution = Target_EmbeddedPostgresConfigSourceFactory.class;
        Class<?> target = substitution.getAnnotation(TargetClass.class).value();

        List<Method> substitutes = Arrays.stream(substitution.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(Substitute.class))
                .toList();

        assertThat(substitutes).isNotEmpty();
        for (Method substitute : substitutes) {
            Method original = target.getDeclaredMethod(substitute.getName(), substitute.getParameterTypes());
            assertThat(original.getReturnType()).isEqualTo(substitute.getReturnType());
            assertThat(Modifier.isStatic(original.getModifiers()))
                    .isEqualTo(Modifier.isStatic(substitute.getModifiers()));
        }
    }

    @Test
    void everyClassInitialisedAtRunTimeExists() throws IOException, ClassNotFoundException {
        Properties properties = new Properties();
        try (InputStream in = resource(CONFIG_DIR + "native-image.properties")) {
            properties.load(in);
        }
        List<String> classes = new ArrayList<>();
        for (String arg : properties.getProperty("Args").trim().split("\\s+")) {
            if (arg.startsWith("--initialize-at-run-time=")) {
                classes.addAll(List.of(
                        arg.substring("--initialize-at-run-time=".length()).split(",")));
            }
        }

        assertThat(classes).contains("org.bouncycastle.jcajce.provider.drbg.DRBG$Default", "com.nimbusds");
        ClassLoader loader = getClass().getClassLoader();
        for (String name : classes) {
            if (loader.getResource(name.replace('.', '/')) != null) {
                continue; // a package: native-image applies the setting to every class in it
            }
            // Loaded without initialising: only existence matters, as for native-image.
            assertThat(Class.forName(name, false, loader)).isNotNull();
        }
    }

    @Test
    void theResourcePatternsCoverTheSeedAndEveryMigration() throws IOException {
        JsonNode config = new ObjectMapper().readTree(resource(CONFIG_DIR + "resource-config.json"));
        List<Pattern> patterns = new ArrayList<>();
        config.path("resources")
                .path("includes")
                .forEach(include ->
                        patterns.add(Pattern.compile(include.path("pattern").asText())));
        List<String> migrations;
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            migrations =
                    files.map(f -> "db/migration/" + f.getFileName()).sorted().toList();
        }

        assertThat(migrations).isNotEmpty();
        for (String name : Stream.concat(Stream.of(PriceBookConfig.EMBEDDED_SEED), migrations.stream())
                .toList()) {
            assertThat(patterns)
                    .as("resource-config.json keeps %s in the native image", name)
                    .anyMatch(p -> p.matcher(name).matches());
        }
    }

    private InputStream resource(String name) {
        InputStream in = getClass().getClassLoader().getResourceAsStream(name);
        assertThat(in).as("classpath resource %s", name).isNotNull();
        return in;
    }
}
