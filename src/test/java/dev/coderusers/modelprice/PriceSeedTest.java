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
