package dev.coderusers.modelprice.generator;

import dev.coderusers.modelprice.InvalidPriceSeedException;
import dev.coderusers.modelprice.PriceBookJson;
import dev.coderusers.modelprice.PriceBookRow;
import dev.coderusers.modelprice.PriceSeed;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code seed/generate}: turns the models.dev catalogue into {@code seed/ai-model-prices.json}, or with
 * {@code --check} tells whether that file is what the catalogue produces.
 *
 * <p>Run by hand (through the script) and the result committed, so a price refresh is a reviewable commit
 * that changes only the seed; the summary on stderr is what the reviewer reads next to the diff. Any error
 * is one line on stderr and exit status {@value #FAILED}; the output file is then left as it was.
 */
public final class PriceBookGenerator {

    public static final int OK = 0;
    public static final int OUT_OF_DATE = 1;
    public static final int FAILED = 2;

    private static final String PROGRAM = "seed/generate";

    private final SourceReader reader;
    private final PrintStream out;
    private final PrintStream err;

    public PriceBookGenerator(SourceReader reader, PrintStream out, PrintStream err) {
        this.reader = reader;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new PriceBookGenerator(SourceReader.withDefaults(), System.out, System.err).run(args));
    }

    /** Runs the command and returns its exit status. */
    public int run(String... args) {
        GeneratorOptions options = null;
        try {
            options = GeneratorOptions.parse(args);
            if (options.help()) {
                out.print(GeneratorOptions.USAGE);
                return OK;
            }
            return generate(options);
        } catch (GeneratorException e) {
            err.println(PROGRAM + ": error: " + e.getMessage());
            return FAILED;
        } catch (RuntimeException e) {
            // A defect, not a data problem; still one line, with the trace only on request.
            err.println(PROGRAM + ": internal error: " + e);
            if (options != null && options.verbose()) {
                e.printStackTrace(err);
            }
            return FAILED;
        }
    }

    private int generate(GeneratorOptions options) throws GeneratorException {
        Path target = options.out();
        if (!options.check()) {
            Path directory = target.toAbsolutePath().getParent();
            if (directory == null || !Files.isDirectory(directory)) {
                throw new GeneratorException("--out " + target + ": directory " + directory + " does not exist");
            }
        }

        long started = System.nanoTime();
        byte[] source = reader.read(options.source());
        if (options.verbose()) {
            err.printf(
                    "read %d bytes from %s in %d ms%n",
                    source.length, options.source(), (System.nanoTime() - started) / 1_000_000);
        }

        Conversion conversion = ModelsDevConverter.convert(source, options.providers());
        byte[] fresh = PriceBookJson.render(conversion.rows());
        try {
            // The service refuses to start on a seed it cannot validate; never write one.
            PriceSeed.parse(target.toString(), fresh);
        } catch (InvalidPriceSeedException e) {
            throw new GeneratorException("the generated price book fails the service's validation: " + e.getMessage());
        }

        Current current = readCurrent(target);
        PriceBookDiff diff = PriceBookDiff.between(current.rows(), conversion.rows());
        printSummary(options, conversion, current, diff);

        boolean upToDate = current.bytes() != null && Arrays.equals(current.bytes(), fresh);
        if (options.check()) {
            if (upToDate) {
                err.println(target + " is up to date with " + options.source());
                return OK;
            }
            if (diff.isEmpty() && current.problem() == null) {
                err.println("  the rows are equal, but the file's bytes differ (formatting, order or encoding)");
            }
            err.println(target + " is out of date with " + options.source() + "; run " + PROGRAM + " --source "
                    + options.source() + " --out " + target + " to refresh it");
            return OUT_OF_DATE;
        }
        if (upToDate) {
            err.println(target + " is unchanged (" + conversion.rows().size() + " rows)");
        } else {
            writeAtomically(target, fresh);
            err.println("wrote " + target + " (" + conversion.rows().size() + " rows)");
        }
        return OK;
    }

    /** The file as it is now: its bytes ({@code null} when absent) and rows, or why it has none. */
    private record Current(byte[] bytes, List<PriceBookRow> rows, String problem) {}

    private static Current readCurrent(Path target) throws GeneratorException {
        if (Files.isDirectory(target)) {
            throw new GeneratorException("--out " + target + " is a directory, not a file");
        }
        if (!Files.exists(target)) {
            return new Current(null, List.of(), "does not exist yet");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(target);
        } catch (IOException e) {
            throw new GeneratorException("--out " + target + " cannot be read: " + e.getMessage(), e);
        }
        try {
            return new Current(bytes, PriceSeed.parse(target.toString(), bytes).rows(), null);
        } catch (InvalidPriceSeedException e) {
            return new Current(bytes, List.of(), "is not a valid price book (" + e.getMessage() + ")");
        }
    }

    private void printSummary(GeneratorOptions options, Conversion conversion, Current current, PriceBookDiff diff) {
        err.println("rows: " + conversion.rows().size() + " ("
                + conversion.rowsPerProvider().entrySet().stream()
                        .map(entry -> entry.getKey() + " " + entry.getValue())
                        .collect(Collectors.joining(", "))
                + ") from " + options.source());
        if (options.verbose() && !conversion.ignoredProviders().isEmpty()) {
            err.println("ignored providers (not listed in --providers): "
                    + conversion.ignoredProviders().entrySet().stream()
                            .map(entry -> entry.getKey() + " (" + entry.getValue() + " models)")
                            .collect(Collectors.joining(", ")));
        }

        String against = "changes against " + options.out();
        if (current.problem() != null) {
            err.println(against + ": the file " + current.problem() + "; every row counts as added");
        }
        if (diff.isEmpty()) {
            err.println(against + ": none");
        } else {
            err.printf(
                    "%s: %d added, %d removed, %d price changed%n",
                    against,
                    diff.added().size(),
                    diff.removed().size(),
                    diff.changed().size());
            for (PriceBookRow row : diff.added()) {
                err.println("  added   " + row.key() + ": " + PriceBookDiff.prices(row));
            }
            for (PriceBookRow row : diff.removed()) {
                err.println("  removed " + row.key() + ": " + PriceBookDiff.prices(row));
            }
            for (PriceBookDiff.Change change : diff.changed()) {
                err.println("  changed " + change.after().key() + ": " + change.describe());
            }
            if (!diff.removed().isEmpty()) {
                // A reviewer might expect removal to reach the database; it does not.
                err.println("  (removed rows stay in databases already seeded: the seeder never deletes)");
            }
        }

        printNotes("skipped, no row written", conversion.skipped());
        printNotes(
                "upstream pricing the price book cannot express, left out (USD per 1M tokens as upstream)",
                conversion.unexpressed());
        printNotes("warnings", conversion.warnings());
        if (options.verbose()) {
            err.println("rows (micro-USD per 1M tokens):");
            conversion.rows().forEach(row -> err.println("  " + row.key() + ": " + PriceBookDiff.prices(row)));
        }
    }

    private void printNotes(String title, List<Conversion.Note> notes) {
        if (notes.isEmpty()) {
            err.println(title + ": none");
            return;
        }
        err.println(title + " (" + notes.size() + "):");
        for (Conversion.Note note : notes) {
            err.println("  " + note.model() + ": " + note.detail());
        }
    }

    /**
     * Writes next to the target and renames over it, so readers (and a failure half-way) see either the
     * old file or the whole new one, never a truncated one.
     */
    static void writeAtomically(Path target, byte[] bytes) throws GeneratorException {
        Path directory = target.toAbsolutePath().getParent();
        Path temporary = null;
        try {
            temporary = Files.createTempFile(directory, "." + target.getFileName() + ".", ".tmp");
            Files.write(temporary, bytes);
            keepPermissions(target, temporary);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new GeneratorException("cannot write " + target + ": " + e, e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // Nothing more can be done; the message above (if any) already says what failed.
                }
            }
        }
    }

    // createTempFile makes the file owner-only (0600); the seed is an ordinary repository file.
    private static void keepPermissions(Path target, Path temporary) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(temporary, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.exists(target)
                ? Files.getPosixFilePermissions(target)
                : PosixFilePermissions.fromString("rw-r--r--");
        view.setPermissions(permissions);
    }
}
