package io.deribittracker.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

class SlotBudgetTest {

    private static final Instant SLOT = Instant.parse("2026-11-24T10:29:00Z");

    private static SlotBudget at(Instant now, Duration interval, Duration replyTimeout) {
        return new SlotBudget(interval, replyTimeout, 2, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void everyAttemptOfASlotEndsBeforeTheNextSlotForEveryIntervalFromOneSecondUp() {
        for (long intervalMillis : List.of(1_000L, 1_500L, 2_000L, 5_000L, 10_000L, 60_000L, 300_000L, 3_600_000L)) {
            for (long replyMillis : List.of(100L, 700L, 5_000L, 30_000L)) {
                Duration interval = Duration.ofMillis(intervalMillis);
                SlotBudget atTheTick = at(SLOT, interval, Duration.ofMillis(replyMillis));
                Instant deadline = atTheTick.webSocketDeadline(SLOT);
                String config = "interval " + intervalMillis + " ms, reply timeout " + replyMillis + " ms";
                // the first WebSocket attempt, sent at the tick, is over by the deadline
                assertThat(SLOT.plus(atTheTick.webSocketTimeLeft(SLOT))).as(config).isBeforeOrEqualTo(deadline);
                // the HTTP fallback, started at the deadline at the latest, is over before the next slot
                assertThat(deadline.plus(atTheTick.httpTimeout())).as(config).isBefore(SLOT.plus(interval));
                assertThat(atTheTick.httpTimeout()).as(config).isPositive();
                // a retry that would end after the deadline is not made
                long leftForWebSocket = Duration.between(SLOT, deadline).toMillis();
                assertThat(atTheTick.retryFits(SLOT, leftForWebSocket, null)).as(config).isFalse();
            }
        }
    }

    @Test
    void theHttpFallbackGetsTheReplyTimeoutAtMostThirtyPercentOfTheInterval() {
        assertThat(at(SLOT, Duration.ofSeconds(60), Duration.ofSeconds(5)).httpTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(at(SLOT, Duration.ofSeconds(2), Duration.ofSeconds(5)).httpTimeout()).isEqualTo(Duration.ofMillis(600));
    }

    @Test
    void aWebSocketAttemptLateInTheSlotWaitsOnlyForWhatIsLeft() {
        // interval 2 s, reply timeout 5 s: the WebSocket's share ends at 2000 - 600 - 100 = 1300 ms
        SlotBudget late = at(SLOT.plusMillis(1_000), Duration.ofSeconds(2), Duration.ofSeconds(5));
        assertThat(late.webSocketTimeLeft(SLOT)).isEqualTo(Duration.ofMillis(300));
        SlotBudget tooLate = at(SLOT.plusMillis(1_500), Duration.ofSeconds(2), Duration.ofSeconds(5));
        assertThat(tooLate.webSocketTimeLeft(SLOT)).isZero();
    }

    @Test
    void aRetryIsMadeOnlyWhileItFits() {
        SlotBudget early = at(SLOT.plusMillis(10), Duration.ofSeconds(60), Duration.ofSeconds(5));
        assertThat(early.retryFits(SLOT, 500, null)).isTrue();
        assertThat(early.retryFits(SLOT, 500, 1)).isTrue();
        assertThat(early.retryFits(SLOT, 60_000, null)).isFalse();
    }

    @Test
    void atMostTheConfiguredNumberOfRetries() {
        SlotBudget early = at(SLOT.plusMillis(10), Duration.ofSeconds(60), Duration.ofSeconds(5));
        assertThat(early.retryFits(SLOT, 500, 2)).isTrue();
        assertThat(early.retryFits(SLOT, 500, 3)).isFalse();
    }

    @Test
    void withoutASlotARequestWaitsTheWholeReplyTimeout() {
        assertThat(at(SLOT, Duration.ofSeconds(1), Duration.ofSeconds(5)).webSocketTimeLeft(null)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aReplySentOutsideTheSlotIsRefused() throws UnusableReplyException {
        SlotBudget budget = at(SLOT, Duration.ofSeconds(2), Duration.ofSeconds(5));
        long slotMicros = SLOT.toEpochMilli() * 1000;
        budget.requireSentInSlot("btc_usd", SLOT, slotMicros + 1_999_000); // inside
        budget.requireSentInSlot("btc_usd", SLOT, slotMicros - 50_000); // a tick a little early, a clock a little off
        assertThatThrownBy(() -> budget.requireSentInSlot("btc_usd", SLOT, slotMicros + 2_000_000))
                .isInstanceOf(UnusableReplyException.class).hasMessageContaining("outside slot " + SLOT);
        assertThatThrownBy(() -> budget.requireSentInSlot("btc_usd", SLOT, slotMicros - 11_000_000))
                .isInstanceOf(UnusableReplyException.class);
    }
}
