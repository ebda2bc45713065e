package io.deribittracker.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The throttle counts per client: one address guessing passwords does not lock out another. */
class AdminLoginThrottleTest {

    private final AdminLoginThrottle throttle = new AdminLoginThrottle(3, Duration.ofMinutes(5));

    @Test
    void locksOutTheClientThatFailedTooOftenAndNoOtherOne() {
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.retryAfter("192.0.2.1")).as("before failure %d", i + 1).isZero();
            throttle.failed("192.0.2.1");
        }

        assertThat(throttle.retryAfter("192.0.2.1")).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(5));
        assertThat(throttle.retryAfter("192.0.2.2")).isZero();
        throttle.failed("192.0.2.2");
        assertThat(throttle.retryAfter("192.0.2.2")).as("one failure of its own").isZero();
    }

    @Test
    void aSuccessfulLoginClearsTheClientsFailures() {
        throttle.failed("192.0.2.3");
        throttle.failed("192.0.2.3");
        throttle.succeeded("192.0.2.3");
        throttle.failed("192.0.2.3");

        assertThat(throttle.retryAfter("192.0.2.3")).isZero();
    }
}
