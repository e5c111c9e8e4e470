package dev.coderusers.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The classes of the price-book generator (seed/generator), which must never be part of the service's artifact,
 * named from the generator's sources so that a class added to it is covered without editing this list.
 */
public final class GeneratorClasses {

    /** The generator's sources, relative to the repository root (where the tests run). */
    public static final Path SOURCES = Path.of("seed", "generator", "src", "main", "java");

    /** The generator's package, as a folder of a jar or of target/classes. */
    public static final String PACKAGE_FOLDER = "dev/coderusers/modelprice/generator/";

    private static final Pattern CLASS_FILE = Pattern.compile("(.*/)?([^/$]+)(\\$[^/]*)?\\.class");

    private GeneratorClasses() {}

    /** The simple names of the generator's top-level classes (nested ones are {@code Name$Inner}). */
    public static Set<String> simpleNames() {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            Set<String> names = files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".java") && !name.equals("package-info.java"))
                    .map(name -> name.substring(0, name.length() - ".java".length()))
                    .collect(Collectors.toCollection(TreeSet::new));
            if (!names.contains("PriceBookGenerator")) {
                throw new IllegalStateException("the generator's sources are not in " + SOURCES.toAbsolutePath());
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The entries among {@code paths} (class files of a jar or a classes folder, {@code /}-separated) that are
     * generator classes: anything in the generator's package, and a class of the service's own packages named as
     * a generator class (one copied back under another package). Libraries' classes of the same simple name
     * ({@code org.apache.commons.lang3.Conversion}) are not the generator's and are not reported.
     */
    public static List<String> among(Stream<String> paths) {
        Set<String> names = simpleNames();
        return paths.filter(path -> path.endsWith(".class"))
                .filter(path ->
                        path.startsWith(PACKAGE_FOLDER) || (path.startsWith("dev/coderusers/") && named(path, names)))
                .sorted()
                .toList();
    }

    private static boolean named(String path, Set<String> names) {
        Matcher matcher = CLASS_FILE.matcher(path);
        return matcher.matches() && names.contains(matcher.group(2));
    }
}
