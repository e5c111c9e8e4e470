package dev.coderusers.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The metrics README.md documents: the names in the first column of the tables of "### Metrics" in "## Operations". */
public final class OperationsDocs {

    private static final Pattern NAME = Pattern.compile("`([a-z_][a-z0-9_]*)`");

    private OperationsDocs() {}

    public static Set<String> documentedMetrics() {
        String readme;
        try {
            readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int operations = readme.indexOf("\n## Operations\n");
        int metrics = readme.indexOf("\n### Metrics\n", operations);
        int end = readme.indexOf("\n### ", metrics + 1);
        if (operations < 0 || metrics < 0 || end < 0) {
            throw new AssertionError("README.md has no \"## Operations\" section with \"### Metrics\"");
        }
        Set<String> names = new TreeSet<>();
        for (String line : readme.substring(metrics, end).split("\n")) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String firstCell = line.substring(1, line.indexOf('|', 1));
            Matcher name = NAME.matcher(firstCell);
            while (name.find()) {
                names.add(name.group(1));
            }
        }
        return names;
    }

    /**
     * The metric a PromQL name belongs to as the README lists it: a histogram's or summary's {@code _bucket},
     * {@code _count} and {@code _sum} series belong to their family.
     */
    public static String family(String series, Set<String> documented) {
        if (documented.contains(series)) {
            return series;
        }
        for (String suffix : new String[] {"_bucket", "_count", "_sum"}) {
            if (series.endsWith(suffix)) {
                return series.substring(0, series.length() - suffix.length());
            }
        }
        return series;
    }
}
