package dev.coderusers.modelprice.generator;

import static dev.coderusers.modelprice.generator.Catalogues.anthropicAndOpenai;
import static dev.coderusers.modelprice.generator.Catalogues.model;
import static dev.coderusers.modelprice.generator.Catalogues.provider;
import static dev.coderusers.modelprice.generator.Catalogues.providerMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coderusers.modelprice.PriceBookRow;
import dev.coderusers.modelprice.PriceMode;
import dev.coderusers.modelprice.PriceTier;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelsDevConverterTest {

    private static final List<String> OPENAI = List.of("openai");

    private static Conversion convertOpenai(String models) throws GeneratorException {
        return ModelsDevConverter.convert(provider("openai", models), OPENAI);
    }

    private static PriceBookRow onlyRow(Conversion conversion) {
        assertThat(conversion.rows()).hasSize(1);
        return conversion.rows().get(0);
    }

    @Test
    void floatNoiseIsReadFromTheDecimalTextAndRoundedHalfEvenWithAWarning() throws Exception {
        Conversion conversion =
                convertOpenai(model("noisy", "{\"input\": 0.30000000000000004, \"output\": 0.09999999999999999}"));

        PriceBookRow row = onlyRow(conversion);
        assertThat(row.inputPrice()).isEqualTo(300_000L);
        assertThat(row.outputPrice()).isEqualTo(100_000L);
        assertThat(conversion.warnings())
                .extracting(Conversion.Note::detail)
                .containsExactly(
                        "cost.input 0.30000000000000004 USD/MTok is not a whole number of micro-USD;"
                                + " rounded 300000.00000000004 -> 300000",
                        "cost.output 0.09999999999999999 USD/MTok is not a whole number of micro-USD;"
                                + " rounded 99999.99999999999 -> 100000");
        assertThat(conversion.warnings()).extracting(Conversion.Note::model).containsOnly("openai/noisy");
    }

    @Test
    void roundingIsHalfEvenNotHalfUp() throws Exception {
        // 0.0000005 USD/MTok = 0.5 micro-USD rounds to the even 0; 0.0000015 = 1.5 rounds to the even 2.
        Conversion conversion = convertOpenai(model("half", "{\"input\": 0.0000005, \"output\": 0.0000015}"));

        PriceBookRow row = onlyRow(conversion);
        assertThat(row.inputPrice()).isZero();
        assertThat(row.outputPrice()).isEqualTo(2L);
        assertThat(conversion.warnings()).hasSize(2);
    }

    @Test
    void exactSubCentAndLargeAndZeroPricesConvertWithoutWarnings() throws Exception {
        Conversion conversion = convertOpenai(String.join(
                ",",
                model("sub-cent", "{\"input\": 0.0028, \"output\": 0.003625}"),
                model("o1-pro", "{\"input\": 150, \"output\": 600}"),
                model("embedding", "{\"input\": 0.02, \"output\": 0}"),
                model("exponent", "{\"input\": 2.5E+1, \"output\": 3e-6}")));

        assertThat(conversion.rows())
                .containsExactly(
                        new PriceBookRow("openai", "embedding", 20_000L, 0L, null, null),
                        new PriceBookRow("openai", "exponent", 25_000_000L, 3L, null, null),
                        new PriceBookRow("openai", "o1-pro", 150_000_000L, 600_000_000L, null, null),
                        new PriceBookRow("openai", "sub-cent", 2_800L, 3_625L, null, null));
        assertThat(conversion.warnings()).isEmpty();
    }

    @Test
    void zeroStaysZeroAndMissingKeysStayNull() throws Exception {
        PriceBookRow row =
                onlyRow(convertOpenai(model("gpt-3.5-turbo", "{\"input\": 0.5, \"output\": 1.5, \"cache_read\": 0}")));

        assertThat(row).isEqualTo(new PriceBookRow("openai", "gpt-3.5-turbo", 500_000L, 1_500_000L, 0L, null));
    }

    @Test
    void anExplicitJsonNullCountsAsAMissingKey() throws Exception {
        PriceBookRow row = onlyRow(convertOpenai(model("m", "{\"input\": 1, \"output\": 2, \"cache_write\": null}")));

        assertThat(row.cacheWritePrice()).isNull();
    }

    @Test
    void aNegativePriceBecomesNullWithAWarningAndTheRowIsKept() throws Exception {
        Conversion conversion = convertOpenai(model("router", "{\"input\": -1, \"output\": 2, \"cache_read\": -0.5}"));

        assertThat(onlyRow(conversion)).isEqualTo(new PriceBookRow("openai", "router", null, 2_000_000L, null, null));
        assertThat(conversion.warnings())
                .containsExactly(
                        new Conversion.Note("openai/router", "cost.input is negative (-1); written as null (unknown)"),
                        new Conversion.Note(
                                "openai/router", "cost.cache_read is negative (-0.5); written as null (unknown)"));
    }

    @Test
    void aPriceThatIsNotANumberBecomesNullWithAWarning() throws Exception {
        Conversion conversion = convertOpenai(model("text", "{\"input\": \"3.00\", \"output\": 15}"));

        assertThat(onlyRow(conversion).inputPrice()).isNull();
        assertThat(conversion.warnings())
                .containsExactly(
                        new Conversion.Note("openai/text", "cost.input is not a number (\"3.00\"); written as null"));
    }

    @Test
    void aModelWhosePricesAreAllUnusableIsSkippedNotWrittenAsAllNull() throws Exception {
        Conversion conversion = convertOpenai(String.join(
                ",",
                model("variable", "{\"input\": -1, \"output\": -1}"),
                model("ok", "{\"input\": 1, \"output\": 2}")));

        assertThat(conversion.rows()).extracting(PriceBookRow::model).containsExactly("ok");
        assertThat(conversion.skipped())
                .containsExactly(new Conversion.Note("openai/variable", "no usable price (see the warnings)"));
        assertThat(conversion.warnings()).hasSize(2);
    }

    @Test
    void modelsWithoutCostOrWithAnEmptyOrForeignCostAreSkippedNeverPricedAtZero() throws Exception {
        Conversion conversion = convertOpenai(String.join(
                ",",
                model("gpt-image-1", null),
                model("empty", "{}"),
                model("reasoning-only", "{\"reasoning\": 10}"),
                model("null-cost", "null"),
                model("array-cost", "[1, 2]"),
                "\"not-an-object\": 42",
                model("gpt-4o", "{\"input\": 2.5, \"output\": 10, \"cache_read\": 1.25}")));

        assertThat(conversion.rows()).extracting(PriceBookRow::model).containsExactly("gpt-4o");
        assertThat(conversion.rowsPerProvider()).containsEntry("openai", 1);
        assertThat(conversion.skipped())
                .containsExactly(
                        new Conversion.Note("openai/array-cost", "cost is not an object"),
                        new Conversion.Note(
                                "openai/empty", "cost has none of input, output, cache_read, cache_write (cost is {})"),
                        new Conversion.Note("openai/gpt-image-1", "no cost"),
                        new Conversion.Note("openai/not-an-object", "the model entry is not an object"),
                        new Conversion.Note("openai/null-cost", "no cost"),
                        new Conversion.Note(
                                "openai/reasoning-only",
                                "cost has none of input, output, cache_read, cache_write (it has: reasoning)"));
    }

    @Test
    void contextTiersAndModesAreKeptAndOnlyWhatThePriceBookCannotHoldIsReported() throws Exception {
        String tiered = """
                {"input": 2.5, "output": 15, "cache_read": 0.25,
                 "tiers": [{"input": 5, "output": 22.5, "cache_read": 0.5, "tier": {"type": "context", "size": 272000}}],
                 "context_over_200k": {"input": 5, "output": 22.5, "cache_read": 0.5}}""";
        String legacyOnly =
                "{\"input\": 1.25, \"output\": 10, \"context_over_200k\": {\"input\": 2.5, \"output\": 15}}";
        String audio = "{\"input\": 0.3, \"output\": 2.5, \"input_audio\": 1, \"reasoning\": 3.5}";
        String fastMode = model("claude-opus-4-7", "{\"input\": 5, \"output\": 25}")
                .replace(
                        "\"limit\"",
                        "\"experimental\": {\"modes\": {\"fast\": {\"cost\": {\"input\": 30, \"output\": 150},"
                                + " \"provider\": {\"body\": {\"speed\": \"fast\"}}},"
                                + " \"plain\": {\"provider\": {\"body\": {}}}}}, \"limit\"");
        Conversion conversion = convertOpenai(String.join(
                ",",
                model("gpt-5.4", tiered),
                model("legacy", legacyOnly),
                model("gemini-flash", audio),
                fastMode,
                model("flat", "{\"input\": 1, \"output\": 2}")));

        assertThat(conversion.rows())
                .contains(new PriceBookRow(
                        "openai",
                        "gpt-5.4",
                        2_500_000L,
                        15_000_000L,
                        250_000L,
                        null,
                        List.of(new PriceTier(272_000, 5_000_000L, 22_500_000L, 500_000L, null)),
                        Map.of()))
                // A mode without a cost ("plain") changes no price and is not written.
                .contains(new PriceBookRow(
                        "openai",
                        "claude-opus-4-7",
                        5_000_000L,
                        25_000_000L,
                        null,
                        null,
                        List.of(),
                        Map.of("fast", new PriceMode(30_000_000L, 150_000_000L, null, null))))
                .contains(new PriceBookRow("openai", "flat", 1_000_000L, 2_000_000L, null, null));
        // The legacy field alone does not say its threshold (OpenAI's 272 000 tiers are also written as it).
        assertThat(conversion.unexpressed())
                .containsExactly(
                        new Conversion.Note("openai/gemini-flash", "input_audio 1, reasoning 3.5"),
                        new Conversion.Note(
                                "openai/legacy",
                                "context over 200k tokens, threshold unknown without cost.tiers: input 2.5, output 15"));
        assertThat(conversion.warnings()).isEmpty();
    }

    @Test
    void tiersAreSortedAndUnusableTiersAndModesAreReportedNotGuessed() throws Exception {
        String cost = """
                {"input": 1, "output": 2,
                 "tiers": [
                   {"input": 3, "output": 4, "tier": {"size": 500000}},
                   {"input": 2, "output": 3, "reasoning": 9, "tier": {"type": "context", "size": 128000}},
                   {"input": 9, "output": 9, "tier": {"type": "context", "size": 128000}},
                   {"input": 5, "tier": {"type": "time_of_day", "size": 1}},
                   {"input": 5, "tier": {"type": "context"}},
                   {"input": -1, "output": 7, "tier": {"type": "context", "size": 900000}}
                 ]}""";
        String withModes = model("m", cost)
                .replace(
                        "\"limit\"",
                        "\"experimental\": {\"modes\": {"
                                + "\"batch\": {\"cost\": {\"input\": 0.5, \"output\": 1,"
                                + " \"tiers\": [{\"input\": 1, \"output\": 2, \"tier\": {\"size\": 200000}}]}},"
                                + "\"not a name\": {\"cost\": {\"input\": 1, \"output\": 1}},"
                                + "\"audio-only\": {\"cost\": {\"input_audio\": 4}}}}, \"limit\"");

        Conversion conversion = convertOpenai(withModes);

        PriceBookRow row = onlyRow(conversion);
        assertThat(row.tiers())
                .containsExactly(
                        new PriceTier(128_000, 2_000_000L, 3_000_000L, null, null),
                        new PriceTier(500_000, 3_000_000L, 4_000_000L, null, null),
                        new PriceTier(900_000, null, 7_000_000L, null, null));
        assertThat(row.modes())
                .isEqualTo(Map.of(
                        "batch",
                        new PriceMode(
                                500_000L,
                                1_000_000L,
                                null,
                                null,
                                List.of(new PriceTier(200_000, 1_000_000L, 2_000_000L, null, null)))));
        assertThat(conversion.unexpressed())
                .singleElement()
                .satisfies(note -> assertThat(note.detail())
                        .contains(
                                "context tier above 128000 tokens: reasoning 9",
                                "a second context tier above 128000 tokens: input 9, output 9",
                                "time_of_day tier 1: input 5",
                                "context tier of no usable size",
                                "mode \"not a name\" (not a usable mode name): input 1, output 1",
                                "mode \"audio-only\" without input, output or cache prices: input_audio 4"));
        assertThat(conversion.warnings())
                .extracting(Conversion.Note::detail)
                .containsExactly("cost.tiers[5].input is negative (-1); written as null (unknown)");
    }

    @Test
    void modelIdsWithSlashesAreKeptAsTheyAre() throws Exception {
        Conversion conversion = ModelsDevConverter.convert(
                provider("groq", model("openai/gpt-oss-120b", "{\"input\": 0.15, \"output\": 0.6}")), List.of("groq"));

        assertThat(onlyRow(conversion))
                .isEqualTo(new PriceBookRow("groq", "openai/gpt-oss-120b", 150_000L, 600_000L, null, null));
    }

    @Test
    void onlyTheListedProvidersAreKeptAndRowsAreSortedByProviderThenModel() throws Exception {
        byte[] source = ("{" + providerMember("google", model("gemini", "{\"input\": 1, \"output\": 2}")) + ","
                        + providerMember(
                                "openai",
                                String.join(
                                        ",",
                                        model("o3", "{\"input\": 2, \"output\": 8}"),
                                        model("gpt-4o", "{\"input\": 2.5, \"output\": 10}")))
                        + "," + providerMember("anthropic", model("claude", "{\"input\": 3, \"output\": 15}")) + "}")
                .getBytes(StandardCharsets.UTF_8);

        Conversion conversion = ModelsDevConverter.convert(source, List.of("openai", "anthropic"));

        assertThat(conversion.rows())
                .extracting(PriceBookRow::key)
                .containsExactly("anthropic/claude", "openai/gpt-4o", "openai/o3");
        assertThat(conversion.rowsPerProvider())
                .containsExactly(java.util.Map.entry("openai", 2), java.util.Map.entry("anthropic", 1));
        assertThat(conversion.ignoredProviders()).containsExactly(java.util.Map.entry("google", 1));
    }

    @Test
    void everyMissingOrEmptyProviderIsNamedInOneError() {
        byte[] source = ("{" + providerMember("openai", "") + ","
                        + providerMember("google", model("gemini", "{\"input\": 1, \"output\": 2}")) + "}")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ModelsDevConverter.convert(source, List.of("anthropic", "openai", "google", "xai")))
                .isInstanceOf(GeneratorException.class)
                .hasMessage("providers anthropic, openai, xai are missing from the source or without models"
                        + " (the source has: google, openai)");
    }

    @Test
    void aProviderWithoutAModelsObjectCountsAsMissing() {
        byte[] source = "{\"anthropic\": {\"id\": \"anthropic\"}}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ModelsDevConverter.convert(source, List.of("anthropic")))
                .hasMessage("provider anthropic is missing from the source or without models"
                        + " (the source has: anthropic)");
    }

    @Test
    void anEmptyCatalogueIsAnError() {
        assertThatThrownBy(() -> ModelsDevConverter.convert("{}".getBytes(StandardCharsets.UTF_8), List.of("openai")))
                .isInstanceOf(GeneratorException.class)
                .hasMessage("provider openai is missing from the source or without models (the catalogue is empty)");
    }

    @Test
    void anEmptyFileIsAnError() {
        assertThatThrownBy(() -> ModelsDevConverter.convert(new byte[0], OPENAI))
                .hasMessage("source is empty; expected the models.dev api.json object");
    }

    @Test
    void malformedJsonIsAnErrorWithItsPosition() {
        byte[] truncated =
                "{\"openai\": {\"models\": {\"gpt-4o\": {\"cost\": {\"input\": 2.5,".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ModelsDevConverter.convert(truncated, OPENAI))
                .isInstanceOf(GeneratorException.class)
                .hasMessageStartingWith("source is not valid JSON: ")
                .hasMessageContaining("(line 1, column ");
    }

    @Test
    void trailingContentAfterTheCatalogueIsAnError() {
        byte[] twoDocuments = (new String(
                                provider("openai", model("a", "{\"input\": 1, \"output\": 1}")), StandardCharsets.UTF_8)
                        + " {}")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ModelsDevConverter.convert(twoDocuments, OPENAI))
                .hasMessageStartingWith("source is not valid JSON: ");
    }

    @Test
    void aTopLevelArrayIsNotACatalogue() {
        assertThatThrownBy(() -> ModelsDevConverter.convert("[]".getBytes(StandardCharsets.UTF_8), OPENAI))
                .hasMessage("source is not a models.dev catalogue: expected a JSON object keyed by provider id,"
                        + " got array");
    }

    @Test
    void noInputOrOutputPriceAnywhereMeansTheSchemaChanged() {
        // What a renamed price key upstream would look like: every model has a cost, none has our keys.
        byte[] renamed = anthropicAndOpenai(
                model("claude", "{\"prompt\": 3, \"completion\": 15}"),
                model("gpt-4o", "{\"prompt\": 2.5, \"completion\": 10}"));

        assertThatThrownBy(() -> ModelsDevConverter.convert(renamed, List.of("anthropic", "openai")))
                .isInstanceOf(GeneratorException.class)
                .hasMessage("no model of anthropic, openai has an input or output price (0 rows, 2 models skipped);"
                        + " the models.dev format has probably changed, refusing to write");
    }

    @Test
    void rowsWithOnlyCachePricesAlsoMeanTheSchemaChanged() {
        byte[] cacheOnly = provider("openai", model("gpt-4o", "{\"cache_read\": 1.25, \"price_in\": 2.5}"));

        assertThatThrownBy(() -> ModelsDevConverter.convert(cacheOnly, OPENAI))
                .hasMessageStartingWith("no model of openai has an input or output price (1 rows, 0 models skipped)");
    }

    @Test
    void aModelRepeatedThroughADuplicateJsonKeyIsAnError() {
        byte[] repeated = provider(
                "openai",
                String.join(
                        ",",
                        model("gpt-4o", "{\"input\": 2.5, \"output\": 10}"),
                        model("gpt-4o", "{\"input\": 5, \"output\": 15}")));

        assertThatThrownBy(() -> ModelsDevConverter.convert(repeated, OPENAI))
                .isInstanceOf(GeneratorException.class)
                .hasMessageStartingWith(
                        "duplicate (provider, model): openai/gpt-4o appears twice in the source (line ");
    }

    @Test
    void aRepeatedModelIdWithASlashIsNamedUnescaped() {
        byte[] repeated = provider(
                "groq",
                String.join(
                        ",",
                        model("openai/gpt-oss-20b", "{\"input\": 1, \"output\": 1}"),
                        model("openai/gpt-oss-20b", "{\"input\": 1, \"output\": 1}")));

        assertThatThrownBy(() -> ModelsDevConverter.convert(repeated, List.of("groq")))
                .hasMessageStartingWith("duplicate (provider, model): groq/openai/gpt-oss-20b appears twice");
    }

    @Test
    void aRepeatedProviderIsAnError() {
        byte[] repeated = ("{" + providerMember("openai", model("a", "{\"input\": 1, \"output\": 1}")) + ","
                        + providerMember("openai", model("b", "{\"input\": 1, \"output\": 1}")) + "}")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ModelsDevConverter.convert(repeated, OPENAI))
                .hasMessageStartingWith("duplicate provider: openai appears twice in the source");
    }

    @Test
    void modelIdsDifferingOnlyInCaseAreAnError() {
        byte[] cased = provider(
                "openai",
                String.join(
                        ",",
                        model("GPT-4o", "{\"input\": 2.5, \"output\": 10}"),
                        model("gpt-4o", "{\"input\": 2.5, \"output\": 10}")));

        assertThatThrownBy(() -> ModelsDevConverter.convert(cased, OPENAI))
                .isInstanceOf(GeneratorException.class)
                .hasMessage("duplicate (provider, model): openai/gpt-4o and openai/GPT-4o differ only in letter case;"
                        + " the price book needs each model once");
    }

    @Test
    void theSameModelIdUnderTwoProvidersIsNotADuplicate() throws Exception {
        Conversion conversion = ModelsDevConverter.convert(
                anthropicAndOpenai(
                        model("shared", "{\"input\": 1, \"output\": 2}"),
                        model("shared", "{\"input\": 3, \"output\": 4}")),
                List.of("anthropic", "openai"));

        assertThat(conversion.rows())
                .extracting(PriceBookRow::key)
                .containsExactly("anthropic/shared", "openai/shared");
    }
}
