package dev.coderusers.modelprice.generator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coderusers.modelprice.PriceBookJson;
import dev.coderusers.modelprice.PriceBookRow;
import dev.coderusers.modelprice.PriceMode;
import dev.coderusers.modelprice.PriceSeed;
import dev.coderusers.modelprice.PriceTier;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command as a whole, on the pinned models.dev fixture: the golden seed, the summary, {@code --check},
 * and that a failure never leaves a partial file.
 */
class PriceBookGeneratorTest {

    /** The models.dev input the committed seed is generated from (see seed/upstream/README.md). */
    static final Path FIXTURE = Path.of("seed", "upstream", "models-dev-api.json");

    static final Path COMMITTED_SEED = Path.of("seed", "ai-model-prices.json");

    @TempDir
    Path directory;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    private int run(String... args) {
        PriceBookGenerator generator = new PriceBookGenerator(
                new SourceReader(Duration.ofSeconds(5), SourceReader.DEFAULT_MAX_BYTES),
                new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
        return generator.run(args);
    }

    private String errors() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    private List<String> errorLines() {
        return errors().lines().toList();
    }

    private Path out() {
        return directory.resolve("ai-model-prices.json");
    }

    private List<Path> filesInDirectory() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.toList();
        }
    }

    @Test
    void theCommittedSeedIsExactlyWhatTheGeneratorProducesFromThePinnedFixture() throws Exception {
        Conversion conversion = ModelsDevConverter.convert(Files.readAllBytes(FIXTURE), List.of("anthropic", "openai"));

        byte[] generated = PriceBookJson.render(conversion.rows());

        assertThat(new String(generated, StandardCharsets.UTF_8))
                .isEqualTo(Files.readString(COMMITTED_SEED, StandardCharsets.UTF_8));
        assertThat(generated).isEqualTo(Files.readAllBytes(COMMITTED_SEED));
        assertThat(conversion.rowsPerProvider()).containsEntry("anthropic", 24).containsEntry("openai", 47);
        assertThat(conversion.warnings()).isEmpty();
    }

    /**
     * The eight models of the pinned fixture whose pricing a flat row lost (context tiers above 272 000 tokens,
     * "fast" modes) keep all of it, exactly as models.dev gives it, and nothing else is reported lost.
     */
    @Test
    void theTiersAndModesOfThePinnedFixtureAreAllKept() throws Exception {
        Conversion conversion = ModelsDevConverter.convert(Files.readAllBytes(FIXTURE), List.of("anthropic", "openai"));

        assertThat(conversion.unexpressed()).isEmpty();
        Map<String, PriceBookRow> rich = new TreeMap<>();
        conversion.rows().stream()
                .filter(row -> !row.tiers().isEmpty() || !row.modes().isEmpty())
                .forEach(row -> rich.put(row.key(), row));
        PriceMode opusFast = new PriceMode(30_000_000L, 150_000_000L, 3_000_000L, 37_500_000L);
        assertThat(rich)
                .containsOnlyKeys(
                        "anthropic/claude-opus-4-6",
                        "anthropic/claude-opus-4-7",
                        "anthropic/claude-opus-4-8",
                        "openai/gpt-5.4",
                        "openai/gpt-5.4-mini",
                        "openai/gpt-5.4-pro",
                        "openai/gpt-5.5",
                        "openai/gpt-5.5-pro");
        assertThat(rich.get("anthropic/claude-opus-4-6").modes()).isEqualTo(Map.of("fast", opusFast));
        assertThat(rich.get("anthropic/claude-opus-4-7").modes()).isEqualTo(Map.of("fast", opusFast));
        assertThat(rich.get("anthropic/claude-opus-4-8").modes())
                .isEqualTo(Map.of("fast", new PriceMode(10_000_000L, 50_000_000L, 1_000_000L, 12_500_000L)));
        assertThat(rich.get("openai/gpt-5.4"))
                .isEqualTo(new PriceBookRow(
                        "openai",
                        "gpt-5.4",
                        2_500_000L,
                        15_000_000L,
                        250_000L,
                        null,
                        List.of(new PriceTier(272_000, 5_000_000L, 22_500_000L, 500_000L, null)),
                        Map.of("fast", new PriceMode(5_000_000L, 30_000_000L, 500_000L, null))));
        assertThat(rich.get("openai/gpt-5.4-mini").tiers()).isEmpty();
        assertThat(rich.get("openai/gpt-5.4-mini").modes())
                .isEqualTo(Map.of("fast", new PriceMode(1_500_000L, 9_000_000L, 150_000L, null)));
        assertThat(rich.get("openai/gpt-5.5"))
                .isEqualTo(new PriceBookRow(
                        "openai",
                        "gpt-5.5",
                        5_000_000L,
                        30_000_000L,
                        500_000L,
                        null,
                        List.of(new PriceTier(272_000, 10_000_000L, 45_000_000L, 1_000_000L, null)),
                        Map.of("fast", new PriceMode(12_500_000L, 75_000_000L, 1_250_000L, null))));
        for (String pro : List.of("openai/gpt-5.4-pro", "openai/gpt-5.5-pro")) {
            assertThat(rich.get(pro).tiers())
                    .as(pro)
                    .containsExactly(new PriceTier(272_000, 60_000_000L, 270_000_000L, null, null));
            assertThat(rich.get(pro).modes()).as(pro).isEmpty();
        }
        // And the committed seed carries them (it is byte-for-byte the generated one, see above).
        assertThat(PriceSeed.parse("seed", Files.readAllBytes(COMMITTED_SEED)).rows())
                .filteredOn(row -> !row.tiers().isEmpty() || !row.modes().isEmpty())
                .containsExactlyElementsOf(rich.values());
    }

    @Test
    void theGeneratedSeedPassesTheServicesValidationWithNullsOnlyInCachePrices() throws Exception {
        Conversion conversion = ModelsDevConverter.convert(Files.readAllBytes(FIXTURE), List.of("anthropic", "openai"));

        PriceSeed seed = PriceSeed.parse("generated", PriceBookJson.render(conversion.rows()));

        assertThat(seed.rows()).hasSize(71);
        assertThat(seed.rows()).noneMatch(row -> row.inputPrice() == null || row.outputPrice() == null);
        assertThat(seed.rows().stream().filter(row -> row.cacheReadPrice() == null))
                .hasSize(12);
        assertThat(seed.rows().stream().filter(row -> row.cacheWritePrice() == null))
                .hasSize(47);
        assertThat(seed.rows()).contains(new PriceBookRow("openai", "gpt-3.5-turbo", 500_000L, 1_500_000L, 0L, null));
    }

    @Test
    void writesTheSeedFromTheFixtureAndSummarisesIt() throws Exception {
        int status = run("--source", FIXTURE.toString(), "--out", out().toString());

        assertThat(status).isZero();
        assertThat(Files.readAllBytes(out())).isEqualTo(Files.readAllBytes(COMMITTED_SEED));
        assertThat(filesInDirectory()).containsExactly(out());
        assertThat(errorLines())
                .contains(
                        "rows: 71 (anthropic 24, openai 47) from " + FIXTURE,
                        "changes against " + out() + ": the file does not exist yet; every row counts as added",
                        "changes against " + out() + ": 71 added, 0 removed, 0 price changed",
                        "skipped, no row written (4):",
                        "  openai/chatgpt-image-latest: no cost",
                        "upstream pricing the price book cannot express, left out (USD per 1M tokens as upstream):"
                                + " none",
                        "warnings: none",
                        "wrote " + out() + " (71 rows)");
        assertThat(stdout.size()).isZero();
    }

    @Test
    void theNewFileIsAnOrdinaryReadableFileNotOwnerOnly() throws Exception {
        run("--source", FIXTURE.toString(), "--out", out().toString());

        assertThat(Files.getPosixFilePermissions(out()))
                .contains(
                        java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.GROUP_READ,
                        java.nio.file.attribute.PosixFilePermission.OTHERS_READ);
    }

    @Test
    void aSecondRunOnTheSameInputLeavesTheFileAlone() throws Exception {
        assertThat(run("--source", FIXTURE.toString(), "--out", out().toString()))
                .isZero();
        byte[] first = Files.readAllBytes(out());
        FileTime written = FileTime.fromMillis(0);
        Files.setLastModifiedTime(out(), written);
        stderr.reset();

        assertThat(run("--source", FIXTURE.toString(), "--out", out().toString()))
                .isZero();

        assertThat(Files.readAllBytes(out())).isEqualTo(first);
        assertThat(Files.getLastModifiedTime(out())).isEqualTo(written);
        assertThat(errorLines()).contains("changes against " + out() + ": none", out() + " is unchanged (71 rows)");
    }

    @Test
    void theSummaryListsAddedRemovedAndChangedModelsWithOldAndNewPrices() throws Exception {
        List<PriceBookRow> old = new ArrayList<>(
                PriceSeed.parse("seed", Files.readAllBytes(COMMITTED_SEED)).rows());
        old.removeIf(row -> row.model().equals("claude-opus-4-7"));
        old.replaceAll(row -> row.model().equals("gpt-4o")
                ? new PriceBookRow("openai", "gpt-4o", 5_000_000L, 15_000_000L, null, null)
                : row);
        old.add(new PriceBookRow("anthropic", "claude-3-5-haiku-20241022", 800_000L, 4_000_000L, 80_000L, 1_000_000L));
        Files.write(out(), PriceBookJson.render(old));

        assertThat(run("--source", FIXTURE.toString(), "--out", out().toString()))
                .isZero();

        assertThat(errorLines())
                .contains(
                        "changes against " + out() + ": 1 added, 1 removed, 1 price changed",
                        "  added   anthropic/claude-opus-4-7: input 5000000, output 25000000, cache_read 500000,"
                                + " cache_write 6250000, modes {fast: input 30000000, output 150000000,"
                                + " cache_read 3000000, cache_write 37500000}",
                        "  removed anthropic/claude-3-5-haiku-20241022: input 800000, output 4000000,"
                                + " cache_read 80000, cache_write 1000000",
                        "  changed openai/gpt-4o: input_price 5000000 -> 2500000, output_price 15000000 -> 10000000,"
                                + " cache_read_price null -> 1250000",
                        "  (removed rows stay in databases already seeded: the seeder never deletes)");
        assertThat(Files.readAllBytes(out())).isEqualTo(Files.readAllBytes(COMMITTED_SEED));
    }

    @Test
    void checkOnAnUpToDateFileExitsZeroAndWritesNothing() throws Exception {
        Files.copy(COMMITTED_SEED, out());
        Files.setLastModifiedTime(out(), FileTime.fromMillis(0));

        int status = run("--source", FIXTURE.toString(), "--out", out().toString(), "--check");

        assertThat(status).isZero();
        assertThat(Files.getLastModifiedTime(out())).isEqualTo(FileTime.fromMillis(0));
        assertThat(errorLines()).last().isEqualTo(out() + " is up to date with " + FIXTURE);
        assertThat(filesInDirectory()).containsExactly(out());
    }

    @Test
    void checkOnAStaleFileExitsOnePrintsTheDifferencesAndWritesNothing() throws Exception {
        String stale = Files.readString(COMMITTED_SEED)
                .replaceFirst("(\"model\": \"claude-haiku-4-5\",\\n    \"input_price\": )1000000", "$1" + "800000");
        Files.writeString(out(), stale);

        int status = run("--source", FIXTURE.toString(), "--out", out().toString(), "--check");

        assertThat(status).isEqualTo(PriceBookGenerator.OUT_OF_DATE);
        assertThat(Files.readString(out())).isEqualTo(stale);
        assertThat(errorLines())
                .contains(
                        "changes against " + out() + ": 0 added, 0 removed, 1 price changed",
                        "  changed anthropic/claude-haiku-4-5: input_price 800000 -> 1000000");
        assertThat(errorLines())
                .last()
                .isEqualTo(out() + " is out of date with " + FIXTURE + "; run seed/generate --source " + FIXTURE
                        + " --out " + out() + " to refresh it");
    }

    @Test
    void checkCatchesAFileWhoseRowsAreRightButWhoseBytesAreNot() throws Exception {
        Files.writeString(out(), Files.readString(COMMITTED_SEED).replace("\n  ", "\n    "));

        int status = run("--source", FIXTURE.toString(), "--out", out().toString(), "--check");

        assertThat(status).isEqualTo(PriceBookGenerator.OUT_OF_DATE);
        assertThat(errorLines())
                .contains(
                        "changes against " + out() + ": none",
                        "  the rows are equal, but the file's bytes differ (formatting, order or encoding)");
    }

    @Test
    void checkWithoutAFileExitsOneAndCreatesNone() throws Exception {
        int status = run("--source", FIXTURE.toString(), "--out", out().toString(), "--check");

        assertThat(status).isEqualTo(PriceBookGenerator.OUT_OF_DATE);
        assertThat(filesInDirectory()).isEmpty();
    }

    @Test
    void aCurrentFileThatIsNotAPriceBookIsReportedAndReplaced() throws Exception {
        Files.writeString(out(), "[]\n");

        assertThat(run("--source", FIXTURE.toString(), "--out", out().toString()))
                .isZero();

        assertThat(errors())
                .contains("changes against " + out() + ": the file is not a valid price book (" + out()
                        + ": has no rows; refusing to apply an empty price book); every row counts as added");
        assertThat(Files.readAllBytes(out())).isEqualTo(Files.readAllBytes(COMMITTED_SEED));
    }

    @Test
    void aFailureLeavesTheCurrentFileAsItWasAndNoTemporaryFile() throws Exception {
        Path source = Files.writeString(directory.resolve("api.json"), "{\"anthropic\": {\"models\": {\"x\": ");
        byte[] current = Files.readAllBytes(COMMITTED_SEED);
        Files.write(out(), current);

        int status = run("--source", source.toString(), "--out", out().toString());

        assertThat(status).isEqualTo(PriceBookGenerator.FAILED);
        assertThat(errorLines())
                .singleElement()
                .asString()
                .startsWith("seed/generate: error: source is not valid JSON");
        assertThat(Files.readAllBytes(out())).isEqualTo(current);
        assertThat(filesInDirectory()).containsExactlyInAnyOrder(source, out());
    }

    @Test
    void aFailureWithoutACurrentFileCreatesNoFile() throws Exception {
        Path source = Files.writeString(directory.resolve("api.json"), "{}");

        int status = run("--source", source.toString(), "--out", out().toString());

        assertThat(status).isEqualTo(PriceBookGenerator.FAILED);
        assertThat(errorLines())
                .containsExactly("seed/generate: error: providers anthropic, openai are missing from the source or"
                        + " without models (the catalogue is empty)");
        assertThat(filesInDirectory()).containsExactly(source);
    }

    @Test
    void everyMissingProviderIsNamedOnOneLine() {
        int status =
                run("--source", FIXTURE.toString(), "--out", out().toString(), "--providers", "openai,xai,mistral");

        assertThat(status).isEqualTo(PriceBookGenerator.FAILED);
        assertThat(errorLines())
                .containsExactly("seed/generate: error: providers xai, mistral are missing from the source or without"
                        + " models (the source has: anthropic, deepseek, google, groq, openai)");
    }

    @Test
    void otherProvidersCanBeListed() throws Exception {
        assertThat(run("--source", FIXTURE.toString(), "--out", out().toString(), "--providers", "groq,deepseek"))
                .isZero();

        List<PriceBookRow> rows =
                PriceSeed.parse("out", Files.readAllBytes(out())).rows();
        assertThat(rows).extracting(PriceBookRow::provider).containsOnly("deepseek", "groq");
        assertThat(rows).contains(new PriceBookRow("groq", "openai/gpt-oss-120b", 150_000L, 600_000L, 75_000L, null));
        assertThat(errorLines()).contains("rows: 13 (groq 9, deepseek 4) from " + FIXTURE);
    }

    @Test
    void anOutFolderThatDoesNotExistIsOneError() {
        Path nowhere = directory.resolve("no-such-folder").resolve("prices.json");

        int status = run("--source", FIXTURE.toString(), "--out", nowhere.toString());

        assertThat(status).isEqualTo(PriceBookGenerator.FAILED);
        assertThat(errorLines())
                .containsExactly("seed/generate: error: --out " + nowhere + ": directory " + nowhere.getParent()
                        + " does not exist");
    }

    @Test
    void verboseAlsoPrintsTheSourceIgnoredProvidersAndEveryRow() {
        assertThat(run("--source", FIXTURE.toString(), "--out", out().toString(), "--verbose"))
                .isZero();

        assertThat(errorLines())
                .anyMatch(line -> line.matches(
                        "read \\d+ bytes from " + java.util.regex.Pattern.quote(FIXTURE.toString()) + " in \\d+ ms"))
                .contains(
                        "ignored providers (not listed in --providers): google (22 models), deepseek (4 models),"
                                + " groq (15 models)",
                        "rows (micro-USD per 1M tokens):",
                        "  openai/gpt-4o: input 2500000, output 10000000, cache_read 1250000, cache_write null");
    }

    @Test
    void helpPrintsTheUsageOnStdout() {
        assertThat(run("--help")).isZero();

        assertThat(stdout.toString(StandardCharsets.UTF_8))
                .startsWith("Usage: seed/generate [--source <url|file>] [--providers <a,b>] [--out <file>]");
        assertThat(stderr.size()).isZero();
    }

    @Test
    void anUnknownOptionIsOneErrorLine() {
        assertThat(run("--frobnicate")).isEqualTo(PriceBookGenerator.FAILED);

        assertThat(errorLines()).containsExactly("seed/generate: error: unknown option --frobnicate (see --help)");
    }

    @Test
    void theMainEntryPointRunsInItsOwnJvmWithExitStatusZeroOnSuccess() throws Exception {
        Process process = javaMain("--source", FIXTURE.toString(), "--out", out().toString());

        String errorText = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(errorText).isZero();
        assertThat(errorText).contains("rows: 71 (anthropic 24, openai 47) from " + FIXTURE);
        assertThat(Files.readAllBytes(out())).isEqualTo(Files.readAllBytes(COMMITTED_SEED));
    }

    @Test
    void theMainEntryPointExitsTwoWithOneLineOnError() throws Exception {
        Process process = javaMain("--source", directory.resolve("absent.json").toString(), "--out", out().toString());

        String errorText = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).isEqualTo(PriceBookGenerator.FAILED);
        assertThat(errorText.lines())
                .containsExactly(
                        "seed/generate: error: source file " + directory.resolve("absent.json") + " does not exist");
        assertThat(filesInDirectory()).isEmpty();
    }

    private static Process javaMain(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                PriceBookGenerator.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }
}
