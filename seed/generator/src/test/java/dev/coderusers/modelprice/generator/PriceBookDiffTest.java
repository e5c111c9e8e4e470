package dev.coderusers.modelprice.generator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coderusers.modelprice.PriceBookRow;
import java.util.List;
import org.junit.jupiter.api.Test;

class PriceBookDiffTest {

    private static final PriceBookRow GPT_4O =
            new PriceBookRow("openai", "gpt-4o", 2_500_000L, 10_000_000L, null, null);

    @Test
    void findsAddedRemovedAndChangedRowsByProviderAndModel() {
        PriceBookRow kept = new PriceBookRow("anthropic", "claude", 3_000_000L, 15_000_000L, 300_000L, 3_750_000L);
        PriceBookRow retired = new PriceBookRow("anthropic", "claude-old", 1L, 2L, null, null);
        PriceBookRow added = new PriceBookRow("openai", "gpt-6", 1L, 2L, null, null);
        PriceBookRow repriced = new PriceBookRow("openai", "gpt-4o", 3_000_000L, 10_000_000L, 1_250_000L, null);

        PriceBookDiff diff = PriceBookDiff.between(List.of(kept, retired, GPT_4O), List.of(added, repriced, kept));

        assertThat(diff.added()).containsExactly(added);
        assertThat(diff.removed()).containsExactly(retired);
        assertThat(diff.changed()).containsExactly(new PriceBookDiff.Change(GPT_4O, repriced));
        assertThat(diff.changed().get(0).describe())
                .isEqualTo("input_price 2500000 -> 3000000, cache_read_price null -> 1250000");
    }

    @Test
    void nullAndZeroAreDifferentPrices() {
        PriceBookRow free = new PriceBookRow("openai", "gpt-4o", 2_500_000L, 10_000_000L, 0L, null);

        PriceBookDiff diff = PriceBookDiff.between(List.of(GPT_4O), List.of(free));

        assertThat(diff.changed())
                .singleElement()
                .satisfies(change -> assertThat(change.describe()).isEqualTo("cache_read_price null -> 0"));
    }

    @Test
    void equalBooksHaveNoDifferences() {
        assertThat(PriceBookDiff.between(List.of(GPT_4O), List.of(GPT_4O)).isEmpty())
                .isTrue();
    }
}
