package dev.coderusers.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GoDurationTest {

    @Test
    void wholeHoursKeepTheirZeroMinutesAndSeconds() {
        assertThat(GoDuration.format(Duration.ofHours(168).toNanos())).isEqualTo("168h0m0s");
        assertThat(GoDuration.format(Duration.ofHours(876_600).toNanos())).isEqualTo("876600h0m0s");
        assertThat(GoDuration.format(Duration.ofHours(1).toNanos())).isEqualTo("1h0m0s");
    }

    @Test
    void minutesAndSecondsWithoutHoursOmitTheHours() {
        assertThat(GoDuration.format(Duration.ofSeconds(90).toNanos())).isEqualTo("1m30s");
        assertThat(GoDuration.format(Duration.ofSeconds(60).toNanos())).isEqualTo("1m0s");
        assertThat(GoDuration.format(Duration.ofSeconds(59).toNanos())).isEqualTo("59s");
    }

    @Test
    void fractionsDropTrailingZeros() {
        assertThat(GoDuration.format(1_500_000_000L)).isEqualTo("1.5s");
        assertThat(GoDuration.format(Duration.ofHours(1).toNanos() + 1)).isEqualTo("1h0m0.000000001s");
        assertThat(GoDuration.format(2_200_000L)).isEqualTo("2.2ms");
        assertThat(GoDuration.format(1_100L)).isEqualTo("1.1\u00b5s");
    }

    @Test
    void subSecondUnitsAreChosenByMagnitude() {
        assertThat(GoDuration.format(0)).isEqualTo("0s");
        assertThat(GoDuration.format(1)).isEqualTo("1ns");
        assertThat(GoDuration.format(999)).isEqualTo("999ns");
        assertThat(GoDuration.format(1_000)).isEqualTo("1\u00b5s");
        assertThat(GoDuration.format(500_000_000L)).isEqualTo("500ms");
    }

    @Test
    void negativeDurationsAndTheExtremesFormatAsInGo() {
        assertThat(GoDuration.format(-1_000_000_000L)).isEqualTo("-1s");
        assertThat(GoDuration.format(-1)).isEqualTo("-1ns");
        assertThat(GoDuration.format(Long.MAX_VALUE)).isEqualTo("2562047h47m16.854775807s");
        assertThat(GoDuration.format(Long.MIN_VALUE)).isEqualTo("-2562047h47m16.854775808s");
    }
}
