package dev.coderusers.modelprice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which price list is in force when: an owner's while set, else the seed's latest. */
class PriceTimelineTest {

    private static final ModelKey GPT = new ModelKey("openai", "gpt-x");
    private static final UUID OWNER = UUID.fromString("00000000-0000-0000-0000-00000000000a");

    private static final PriceBookRow SEED_1 = new PriceBookRow("openai", "gpt-x", 1L, 2L, null, null);
    private static final PriceBookRow SEED_2 = new PriceBookRow("openai", "gpt-x", 3L, 4L, null, null);
    private static final PriceBookRow OWNERS = new PriceBookRow("openai", "gpt-x", 10L, 20L, null, null);

    private long ids;

    private PriceChange seed(String at, PriceBookRow prices) {
        return new PriceChange(++ids, GPT, PriceChange.Source.SEED, "c".repeat(64), null, Instant.parse(at), prices);
    }

    private PriceChange owner(String at, PriceBookRow prices) {
        return new PriceChange(++ids, GPT, PriceChange.Source.OWNER, null, OWNER, Instant.parse(at), prices);
    }

    @Test
    void theOwnersPriceWinsWhileSetAndTheSeedsLatestReturnsWhenItIsCleared() {
        PriceTimeline timeline = PriceTimeline.of(List.of(
                seed("2026-01-01T00:00:00Z", SEED_1),
                owner("2026-02-01T00:00:00Z", OWNERS),
                // The seed changes while the owner's price is in force: nothing in force changes.
                seed("2026-03-01T00:00:00Z", SEED_2),
                owner("2026-04-01T00:00:00Z", null)));

        assertThat(timeline.at(Instant.parse("2025-12-31T23:59:59.999999Z"))).isNull();
        assertThat(timeline.at(Instant.parse("2026-01-01T00:00:00Z")))
                .isEqualTo(new PriceTimeline.Period(
                        Instant.parse("2026-01-01T00:00:00Z"), SEED_1, PriceChange.Source.SEED));
        assertThat(timeline.at(Instant.parse("2026-01-31T23:59:59Z")).prices()).isEqualTo(SEED_1);
        // A usage at the very instant of a change is priced with the new list.
        assertThat(timeline.at(Instant.parse("2026-02-01T00:00:00Z")))
                .isEqualTo(new PriceTimeline.Period(
                        Instant.parse("2026-02-01T00:00:00Z"), OWNERS, PriceChange.Source.OWNER));
        assertThat(timeline.at(Instant.parse("2026-03-15T00:00:00Z")))
                .as("still the owner's, in force since it was set")
                .isEqualTo(new PriceTimeline.Period(
                        Instant.parse("2026-02-01T00:00:00Z"), OWNERS, PriceChange.Source.OWNER));
        assertThat(timeline.at(Instant.parse("2026-04-01T00:00:00Z")))
                .isEqualTo(new PriceTimeline.Period(
                        Instant.parse("2026-04-01T00:00:00Z"), SEED_2, PriceChange.Source.SEED));
        assertThat(timeline.at(Instant.parse("2030-01-01T00:00:00Z")).prices()).isEqualTo(SEED_2);
        assertThat(timeline.first()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void aModelOnlyAnOwnerPricedHasNoPriceBeforeItAndAfterItIsCleared() {
        PriceTimeline timeline =
                PriceTimeline.of(List.of(owner("2026-02-01T00:00:00Z", OWNERS), owner("2026-03-01T00:00:00Z", null)));

        assertThat(timeline.at(Instant.parse("2026-01-01T00:00:00Z"))).isNull();
        assertThat(timeline.at(Instant.parse("2026-02-10T00:00:00Z")).prices()).isEqualTo(OWNERS);
        PriceTimeline.Period cleared = timeline.at(Instant.parse("2026-03-10T00:00:00Z"));
        assertThat(cleared.prices()).isNull();
        assertThat(cleared.source()).isNull();
    }

    @Test
    void changesAtTheSameInstantLeaveTheLastOneInForce() {
        PriceTimeline timeline =
                PriceTimeline.of(List.of(seed("2026-01-01T00:00:00Z", SEED_1), seed("2026-01-01T00:00:00Z", SEED_2)));

        assertThat(timeline.at(Instant.parse("2026-01-01T00:00:00Z")).prices()).isEqualTo(SEED_2);
    }

    @Test
    void aModelWithoutChangesHasNoPeriods() {
        PriceTimeline timeline = PriceTimeline.of(List.of());

        assertThat(timeline.at(Instant.now())).isNull();
        assertThat(timeline.first()).isNull();
    }
}
