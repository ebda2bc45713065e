package io.deribittracker.collector;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.RepeatedTest;

class ReconnectBackoffTest {

    private final ReconnectBackoff backoff = new ReconnectBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30));

    @RepeatedTest(20)
    void startsAroundOneSecondDoublesAndStopsAtThirtySecondsWithJitter() {
        assertThat(backoff.delayAfter(1)).isBetween(Duration.ofMillis(800), Duration.ofMillis(1000));
        assertThat(backoff.delayAfter(2)).isBetween(Duration.ofMillis(1600), Duration.ofMillis(2000));
        assertThat(backoff.delayAfter(4)).isBetween(Duration.ofMillis(6400), Duration.ofMillis(8000));
        assertThat(backoff.delayAfter(6)).isBetween(Duration.ofMillis(24_000), Duration.ofMillis(30_000));
        assertThat(backoff.delayAfter(1000)).isBetween(Duration.ofMillis(24_000), Duration.ofMillis(30_000));
    }
}
