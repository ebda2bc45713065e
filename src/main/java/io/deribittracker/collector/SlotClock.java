package io.deribittracker.collector;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.deribittracker.config.CollectorProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Cuts the UTC wall clock into slots of one sampling interval. A sample is stored under its slot, the
 * interval-aligned instant it was scheduled for, not under the moment the reply happened to arrive: that
 * makes the slot a stable key shared by every collector writing to the same database.
 */
@Component
public class SlotClock {

    private final long intervalMillis;
    private final Clock clock;

    @Autowired
    public SlotClock(CollectorProperties properties) {
        this(properties.interval(), Clock.systemUTC());
    }

    SlotClock(Duration interval, Clock clock) {
        this.intervalMillis = interval.toMillis();
        this.clock = clock;
    }

    /** The slot a tick that fired now belongs to: the nearest boundary, so a tick a little late or early still lands on it. */
    public Instant currentSlot() {
        long now = clock.millis();
        return Instant.ofEpochMilli(Math.floorDiv(now + intervalMillis / 2, intervalMillis) * intervalMillis);
    }

    /** Time left until the next boundary; never zero, so a tick at a boundary schedules the one after it. */
    public Duration untilNextSlot() {
        long now = clock.millis();
        long next = (Math.floorDiv(now, intervalMillis) + 1) * intervalMillis;
        return Duration.ofMillis(next - now);
    }
}
