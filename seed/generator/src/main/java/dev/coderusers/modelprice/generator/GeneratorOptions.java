package dev.coderusers.modelprice.generator;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The command line of {@code seed/generate}.
 *
 * @param source a URL ({@code http://} or {@code https://}) or a file path of a models.dev {@code api.json}
 * @param providers the providers to keep, in the order given, without repeats
 * @param out the price book file to write (or, with {@code check}, to compare)
 * @param check write nothing; report whether {@code out} is what the source produces
 * @param verbose also print where the data came from and every row produced
 * @param help print the usage and do nothing else
 */
public record GeneratorOptions(
        String source, List<String> providers, Path out, boolean check, boolean verbose, boolean help) {

    public static final String DEFAULT_SOURCE = "https://models.dev/api.json";
    public static final List<String> DEFAULT_PROVIDERS = List.of("anthropic", "openai");
    public static final Path DEFAULT_OUT = Path.of("seed", "ai-model-prices.json");

    public static final String USAGE = """
            Usage: seed/generate [--source <url|file>] [--providers <a,b>] [--out <file>] [--check] [--verbose]

            Turns the models.dev catalogue into the price book seed (micro-USD per 1M tokens).
              --source <url|file>  models.dev api.json to read (default %s)
              --providers <a,b>    providers to keep, comma-separated (default %s)
              --out <file>         price book to write (default %s)
              --check              write nothing; exit 1 and print the differences when --out is not
                                   what the source produces
              --verbose            also print the source's details and every row produced
              --help               print this text

            Exit status: 0 done (or up to date with --check), 1 out of date (--check), 2 error.
            """.formatted(DEFAULT_SOURCE, String.join(",", DEFAULT_PROVIDERS), DEFAULT_OUT);

    public GeneratorOptions {
        providers = List.copyOf(providers);
    }

    /** Reads the arguments; both {@code --name value} and {@code --name=value} are accepted. */
    public static GeneratorOptions parse(String... args) throws GeneratorException {
        String source = DEFAULT_SOURCE;
        List<String> providers = DEFAULT_PROVIDERS;
        Path out = DEFAULT_OUT;
        boolean check = false;
        boolean verbose = false;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String inlineValue = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                name = arg.substring(0, equals);
                inlineValue = arg.substring(equals + 1);
            }
            switch (name) {
                case "--source" ->
                    source = nonBlank(name, inlineValue != null ? inlineValue : valueOf(args, ++i, name));
                case "--providers" ->
                    providers = providerList(inlineValue != null ? inlineValue : valueOf(args, ++i, name));
                case "--out" ->
                    out = Path.of(nonBlank(name, inlineValue != null ? inlineValue : valueOf(args, ++i, name)));
                case "--check" -> check = flag(name, inlineValue);
                case "--verbose" -> verbose = flag(name, inlineValue);
                case "--help", "-h" -> help = flag(name, inlineValue);
                default ->
                    throw new GeneratorException(
                            (arg.startsWith("-") ? "unknown option " : "unexpected argument ") + arg + " (see --help)");
            }
        }
        return new GeneratorOptions(source, providers, out, check, verbose, help);
    }

    /** Whether {@link #source} is fetched over HTTP rather than read from a file. */
    public boolean sourceIsUrl() {
        return isUrl(source);
    }

    static boolean isUrl(String source) {
        String lower = source.toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://");
    }

    private static String valueOf(String[] args, int index, String name) throws GeneratorException {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new GeneratorException(name + " needs a value (see --help)");
        }
        return args[index];
    }

    private static String nonBlank(String name, String value) throws GeneratorException {
        if (value.isBlank()) {
            throw new GeneratorException(name + " needs a non-empty value (see --help)");
        }
        return value;
    }

    private static boolean flag(String name, String inlineValue) throws GeneratorException {
        if (inlineValue != null) {
            throw new GeneratorException(name + " takes no value (see --help)");
        }
        return true;
    }

    private static List<String> providerList(String value) throws GeneratorException {
        Set<String> providers = new LinkedHashSet<>();
        for (String part : value.split(",", -1)) {
            String provider = part.trim();
            if (!provider.isEmpty()) {
                providers.add(provider);
            }
        }
        if (providers.isEmpty()) {
            throw new GeneratorException("--providers needs at least one provider id, e.g. anthropic,openai");
        }
        return List.copyOf(providers);
    }
}
