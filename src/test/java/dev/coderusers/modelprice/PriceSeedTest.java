package dev.coderusers.modelprice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PriceSeedTest {

    @Test
    void committedSeedParsesToItsSeventyOneRowsInProviderThenModelOrder() throws Exception {
        PriceSeed seed = SeedFiles.embedded();

        assertThat(seed.rows()).hasSize(71);
        assertThat(seed.rows()).isSortedAccordingTo(PriceBookRow.ORDER);
        assertThat(seed.rows()).extracting(PriceBookRow::provider).containsOnly("anthropic", "openai");
        assertThat(seed.checksum()).isEqualTo(PriceSeed.sha256(seed.json())).matches("[0-9a-f]{64}");
    }

    @Test
    void committedSeedKeepsZeroAsFreeAndNullAsUnknown() throws Exception {
        List<PriceBookRow> rows = SeedFiles.embedded().rows();

        assertThat(find(rows, "anthropic", "claude-3-5-sonnet-20240620"))
                .isEqualTo(new PriceBookRow(
                        "anthropic", "claude-3-5-sonnet-20240620", 3_000_000L, 15_000_000L, 300_000L, 3_750_000L));
        assertThat(find(rows, "openai", "gpt-3.5-turbo"))
                .isEqualTo(new PriceBookRow("openai", "gpt-3.5-turbo", 500_000L, 1_500_000L, 0L, null));
        assertThat(find(rows, "openai", "text-embedding-3-small").outputPrice()).isZero();
    }

    @Test
    void parsesExplicitNullsZerosAndLargePrices() throws Exception {
        byte[] json = SeedFiles.array(
                SeedFiles.row("\"openai\"", "\"gpt-x\"", "0", "null", "9223372036854775807", "-0"),
                SeedFiles.row("\"openai\"", "\"o1/pro:latest\"", "600000000", "1", "null", "null"));

        PriceSeed seed = PriceSeed.parse(SeedFiles.NAME, json);

        assertThat(seed.rows())
                .containsExactly(
                        new PriceBookRow("openai", "gpt-x", 0L, null, Long.MAX_VALUE, 0L),
                        new PriceBookRow("openai", "o1/pro:latest", 600_000_000L, 1L, null, null));
        assertThat(seed.source()).isEqualTo(SeedFiles.NAME);
        assertThat(seed.json()).isEqualTo(json);
    }

    @Test
    void parsesOptionalTiersAndModesNextToFlatRows() throws Exception {
        byte[] json = SeedFiles.array(
                SeedFiles.row("\"openai\"", "\"flat\"", "1", "2", "null", "null"),
                SeedFiles.row("\"openai\"", "\"gpt-5.4\"", "2500000", "15000000", "250000", "null")
                        .replace(
                                "}",
                                ", \"tiers\": [" + SeedFiles.tier("272000", "5000000") + ", "
                                        + SeedFiles.tier("1000000", "0") + "], \"modes\": {\"fast\": "
                                        + SeedFiles.mode("5000000")
                                                .replace(
                                                        "}",
                                                        ", \"tiers\": [" + SeedFiles.tier("272000", "10000000") + "]}")
                                        + ", \"batch\": " + SeedFiles.mode("1250000") + "}}"));

        PriceSeed seed = PriceSeed.parse(SeedFiles.NAME, json);

        assertThat(seed.rows().get(0)).isEqualTo(new PriceBookRow("openai", "flat", 1L, 2L, null, null));
        assertThat(seed.rows().get(0).tiers()).isEmpty();
        assertThat(seed.rows().get(0).modes()).isEmpty();
        PriceBookRow tiered = seed.rows().get(1);
        assertThat(tiered.tiers())
                .containsExactly(
                        new PriceTier(272_000, 5_000_000L, 1L, null, null),
                        new PriceTier(1_000_000, 0L, 1L, null, null));
        assertThat(tiered.modes())
                .containsOnlyKeys("batch", "fast")
                .containsEntry("batch", new PriceMode(1_250_000L, 2L, null, null))
                .containsEntry(
                        "fast",
                        new PriceMode(
                                5_000_000L,
                                2L,
                                null,
                                null,
                                List.of(new PriceTier(272_000, 10_000_000L, 1L, null, null))));
        // Written back as the generator writes seeds, the rows read the same.
        assertThat(PriceSeed.parse(SeedFiles.NAME, SeedFiles.write(seed.rows())).rows())
                .isEqualTo(seed.rows());
    }

    @Test
    void checksumIsTheSha256OfTheFileBytes() throws Exception {
        byte[] json = SeedFiles.array(SeedFiles.row("\"a\"", "\"b\"", "1", "2", "3", "4"));
        byte[] reformatted = new String(json, StandardCharsets.UTF_8)
                .replace("\n", "")
                .replace(": ", ":")
                .getBytes(StandardCharsets.UTF_8);

        PriceSeed seed = PriceSeed.parse(SeedFiles.NAME, json);

        // Known value: sha256 of the empty input.
        assertThat(PriceSeed.sha256(new byte[0]))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(seed.checksum()).isEqualTo(PriceSeed.sha256(json));
        // Same rows, different bytes: a different seed file, applied once more (harmless, nothing changes).
        assertThat(PriceSeed.parse(SeedFiles.NAME, reformatted).checksum()).isNotEqualTo(seed.checksum());
    }

    static Stream<SeedFiles.Invalid> invalidSeeds() {
        return SeedFiles.invalid().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSeeds")
    void rejectsInvalidSeedNamingFileRowAndField(SeedFiles.Invalid invalid) {
        assertThatThrownBy(() -> PriceSeed.parse(SeedFiles.NAME, invalid.json()))
                .isInstanceOf(InvalidPriceSeedException.class)
                .message()
                .startsWith(SeedFiles.NAME + ": ")
                .contains(invalid.expected());
    }

    private static PriceBookRow find(List<PriceBookRow> rows, String provider, String model) {
        return rows.stream()
                .filter(row -> row.provider().equals(provider) && row.model().equals(model))
                .findFirst()
                .orElseThrow(() -> new AssertionError(provider + "/" + model + " is not in the seed"));
    }
}
