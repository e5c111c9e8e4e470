package dev.coderusers.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SlidingWindowRateLimiterTest {

    static final Duration MINUTE = Duration.ofMinutes(1);

    final AtomicLong clock = new AtomicLong();
    final SlidingWindowRateLimiter limiter = new SlidingWindowRateLimiter(10, MINUTE, clock::get);

    private long allowed(String key, int attempts) {
        return IntStream.range(0, attempts).filter(i -> limiter.tryAcquire(key)).count();
    }

    private void advance(Duration duration) {
        clock.addAndGet(duration.toNanos());
    }

    @Test
    void allowsTheLimitInAWindowThenRefuses() {
        assertThat(allowed("a", 10)).isEqualTo(10);
        assertThat(limiter.tryAcquire("a")).isFalse();
        assertThat(limiter.limit()).isEqualTo(10);
    }

    @Test
    void keysAreCountedSeparately() {
        assertThat(allowed("a", 10)).isEqualTo(10);
        assertThat(limiter.tryAcquire("b")).isTrue();
        assertThat(limiter.tryAcquire("a")).isFalse();
    }

    @Test
    void refusedRequestsAreNotCounted() {
        assertThat(allowed("a", 25)).isEqualTo(10);
        // Half a window later the previous window's 10 weigh 5, whatever was refused meanwhile.
        advance(Duration.ofSeconds(90));
        assertThat(allowed("a", 10)).isEqualTo(5);
    }

    @Test
    void thePreviousWindowWeighsByItsOverlap() {
        assertThat(allowed("a", 10)).isEqualTo(10);
        // At the very start of the next window the previous one still counts almost fully.
        advance(MINUTE.plusSeconds(6));
        assertThat(allowed("a", 10)).isEqualTo(1);
        // Halfway through the second window, the first window's requests weigh half.
        advance(Duration.ofSeconds(24));
        assertThat(allowed("a", 10)).isEqualTo(4);
    }

    @Test
    void twoWindowsLaterEverythingIsForgotten() {
        assertThat(allowed("a", 10)).isEqualTo(10);
        advance(MINUTE.multipliedBy(2));
        assertThat(allowed("a", 12)).isEqualTo(10);
    }
}
