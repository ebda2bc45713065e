package io.deribittracker.collector;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long to wait before the next connection attempt: {@code deribit.reconnect-delay} doubling to
 * {@code deribit.reconnect-max-delay}, each delay shortened by up to a fifth at random so that many clients cut off
 * together do not all come back in the same instant.
 */
final class ReconnectBackoff {

    private final Duration initial;
    private final Duration cap;

    public ReconnectBackoff(Duration initial, Duration cap) {
        this.initial = initial;
        this.cap = cap;
    }

    /** The delay before attempt number {@code failures + 1}, after {@code failures} failed attempts in a row. */
    public Duration delayAfter(int failures) {
        long millis = initial.toMillis();
        for (int i = 1; i < failures && millis < cap.toMillis(); i++) {
            millis *= 2;
        }
        millis = Math.min(millis, cap.toMillis());
        long jitter = ThreadLocalRandom.current().nextLong(millis / 5 + 1);
        return Duration.ofMillis(millis - jitter);
    }
}
