package dev.coderusers.testsupport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A scrape of {@code /q/metrics} (Prometheus text format 0.0.4), parsed into samples, so that tests can look
 * series up by name and labels. Comments ({@code # HELP}, {@code # TYPE}) are kept apart.
 */
public final class PrometheusText {

    /** One line of the exposition: a metric name, its labels and its value. */
    public record Sample(String name, Map<String, String> labels, double value) {
        public boolean has(Map<String, String> wanted) {
            return wanted.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
        }
    }

    private final String text;
    private final List<Sample> samples;

    private PrometheusText(String text, List<Sample> samples) {
        this.text = text;
        this.samples = samples;
    }

    public static PrometheusText parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            samples.add(sample(line));
        }
        return new PrometheusText(text, samples);
    }

    public String text() {
        return text;
    }

    public List<Sample> samples() {
        return samples;
    }

    public List<Sample> samples(String name) {
        return samples.stream().filter(s -> s.name().equals(name)).toList();
    }

    /** The value of the one series of this name with (at least) these labels, if it exists. */
    public OptionalDouble value(String name, Map<String, String> labels) {
        List<Sample> matching =
                samples(name).stream().filter(s -> s.has(labels)).toList();
        if (matching.size() > 1) {
            throw new AssertionError("More than one series " + name + labels + ": " + matching);
        }
        return matching.isEmpty()
                ? OptionalDouble.empty()
                : OptionalDouble.of(matching.get(0).value());
    }

    /** The value of that series, 0 when it does not exist (a counter that has not counted yet). */
    public double valueOrZero(String name, Map<String, String> labels) {
        return value(name, labels).orElse(0);
    }

    /** The {@code # TYPE} of a metric family. */
    public Optional<String> type(String family) {
        String prefix = "# TYPE " + family + " ";
        return text.lines()
                .filter(l -> l.startsWith(prefix))
                .map(l -> l.substring(prefix.length()))
                .findFirst();
    }

    private static Sample sample(String line) {
        int brace = line.indexOf('{');
        int space;
        String name;
        Map<String, String> labels = new LinkedHashMap<>();
        if (brace >= 0 && brace < line.indexOf(' ')) {
            name = line.substring(0, brace);
            int i = brace + 1;
            while (line.charAt(i) != '}') {
                int equals = line.indexOf('=', i);
                String label = line.substring(i, equals).trim();
                StringBuilder value = new StringBuilder();
                int j = equals + 2; // past ="
                while (line.charAt(j) != '"') {
                    char c = line.charAt(j);
                    if (c == '\\') {
                        char next = line.charAt(++j);
                        value.append(next == 'n' ? '\n' : next);
                    } else {
                        value.append(c);
                    }
                    j++;
                }
                labels.put(label, value.toString());
                i = j + 1;
                if (line.charAt(i) == ',') {
                    i++;
                }
            }
            space = line.indexOf(' ', i);
        } else {
            space = line.indexOf(' ');
            name = line.substring(0, space);
        }
        String[] rest = line.substring(space + 1).trim().split(" ");
        return new Sample(name, labels, parseValue(rest[0]));
    }

    private static double parseValue(String value) {
        return switch (value) {
            case "NaN" -> Double.NaN;
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(value);
        };
    }
}
