package dev.coderusers.modelprice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PriceBookJsonTest {

    private static final List<PriceBookRow> ROWS = List.of(
            new PriceBookRow("openai", "gpt-4o", 2_500_000L, 10_000_000L, 1_250_000L, null),
            new PriceBookRow("anthropic", "claude-\"quoted\"", 3_000_000L, 15_000_000L, 0L, 3_750_000L),
            new PriceBookRow("groq", "openai/gpt-oss-120b", 150_000L, 600_000L, null, null));

    @Test
    void writesTheOneByteStableLayoutSortedWithExplicitNulls() {
        String json = new String(PriceBookJson.render(ROWS), StandardCharsets.UTF_8);

        assertThat(json).isEqualTo("""
                        [
                          {
                            "provider": "anthropic",
                            "model": "claude-\\"quoted\\"",
                            "input_price": 3000000,
                            "output_price": 15000000,
                            "cache_read_price": 0,
                            "cache_write_price": 3750000
                          },
                          {
                            "provider": "groq",
                            "model": "openai/gpt-oss-120b",
                            "input_price": 150000,
                            "output_price": 600000,
                            "cache_read_price": null,
                            "cache_write_price": null
                          },
                          {
                            "provider": "openai",
                            "model": "gpt-4o",
                            "input_price": 2500000,
                            "output_price": 10000000,
                            "cache_read_price": 1250000,
                            "cache_write_price": null
                          }
                        ]
                        """);
    }

    @Test
    void writesTiersAndModesAfterThePricesOnlyForModelsThatHaveThem() throws Exception {
        PriceBookRow tiered = new PriceBookRow(
                "openai",
                "gpt-5.4",
                2_500_000L,
                15_000_000L,
                250_000L,
                null,
                List.of(new PriceTier(272_000, 5_000_000L, 22_500_000L, 500_000L, null)),
                Map.of(
                        "fast",
                        new PriceMode(
                                5_000_000L,
                                30_000_000L,
                                500_000L,
                                null,
                                List.of(new PriceTier(272_000, 10_000_000L, 45_000_000L, null, null)))));

        String json = new String(PriceBookJson.render(List.of(tiered)), StandardCharsets.UTF_8);

        assertThat(json).isEqualTo("""
                        [
                          {
                            "provider": "openai",
                            "model": "gpt-5.4",
                            "input_price": 2500000,
                            "output_price": 15000000,
                            "cache_read_price": 250000,
                            "cache_write_price": null,
                            "tiers": [
                              {
                                "above_input_tokens": 272000,
                                "input_price": 5000000,
                                "output_price": 22500000,
                                "cache_read_price": 500000,
                                "cache_write_price": null
                              }
                            ],
                            "modes": {
                              "fast": {
                                "input_price": 5000000,
                                "output_price": 30000000,
                                "cache_read_price": 500000,
                                "cache_write_price": null,
                                "tiers": [
                                  {
                                    "above_input_tokens": 272000,
                                    "input_price": 10000000,
                                    "output_price": 45000000,
                                    "cache_read_price": null,
                                    "cache_write_price": null
                                  }
                                ]
                              }
                            }
                          }
                        ]
                        """);
        assertThat(PriceSeed.parse("generated", json.getBytes(StandardCharsets.UTF_8))
                        .rows())
                .containsExactly(tiered);
    }

    @Test
    void theOutputPassesTheServicesOwnSeedValidationWithTheSameRows() throws Exception {
        byte[] json = PriceBookJson.render(ROWS);

        PriceSeed seed = PriceSeed.parse("generated", json);

        assertThat(seed.rows())
                .containsExactlyElementsOf(
                        ROWS.stream().sorted(PriceBookRow.ORDER).toList());
    }

    @Test
    void renderingWhatWasReadBackGivesTheSameBytes() throws Exception {
        byte[] first = PriceBookJson.render(ROWS);

        byte[] second = PriceBookJson.render(PriceSeed.parse("generated", first).rows());

        assertThat(second).isEqualTo(first);
    }
}
