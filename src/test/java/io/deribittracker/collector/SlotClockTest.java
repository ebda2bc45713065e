package io.deribittracker.collector;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class SlotClockTest {

    private static SlotClock at(String instant, Duration interval) {
        return new SlotClock(interval, Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    @Test
    void aTickSlightlyLateBelongsToTheMinuteItWasScheduledFor() {
        assertThat(at("2026-11-24T10:29:00.004Z", Duration.ofSeconds(60)).currentSlot())
                .isEqualTo(Instant.parse("2026-11-24T10:29:00Z"));
    }

    @Test
    void aTickSlightlyEarlyBelongsToTheComingMinute() {
        assertThat(at("2026-11-24T10:28:59.998Z", Duration.ofSeconds(60)).currentSlot())
                .isEqualTo(Instant.parse("2026-11-24T10:29:00Z"));
    }

    @Test
    void theNextTickIsAtTheNextBoundaryOfTheWallClock() {
        assertThat(at("2026-11-24T10:29:17.250Z", Duration.ofSeconds(60)).untilNextSlot())
                .isEqualTo(Duration.ofMillis(42_750));
        assertThat(at("2026-11-24T10:29:00Z", Duration.ofSeconds(60)).untilNextSlot())
                .isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void intervalsThatDoNotDivideAMinuteStayAlignedToTheEpoch() {
        SlotClock clock = at("2026-11-24T10:29:17Z", Duration.ofSeconds(90));
        Instant next = Instant.parse("2026-11-24T10:29:17Z").plus(clock.untilNextSlot());
        assertThat(next.getEpochSecond() % 90).isZero();
    }
}
