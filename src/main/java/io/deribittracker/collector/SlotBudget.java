package io.deribittracker.collector;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.deribittracker.config.CollectorProperties;
import io.deribittracker.config.DeribitProperties;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How the time of one slot is shared between the attempts to fetch its price, so that every attempt ends before
 * the next slot begins, whatever the interval.
 * <pre>
 * slot                                                                          slot + interval
 * |-- WebSocket attempts and their retries --|-- HTTP fallback --|-- hand-off --|
 *                                          webSocketDeadline
 * </pre>
 * The HTTP fallback is reserved {@link #httpTimeout()} (the reply timeout, at most 30 % of the interval), the
 * hand-off to storage a twentieth of the interval; the WebSocket gets the rest. A reply only counts for the slot
 * if Deribit sent it inside the slot's interval.
 */
@Component("slotBudget")
public class SlotBudget {

    /**
     * A tick may fire a few milliseconds before its boundary (it is mapped to the nearest one), and Deribit's clock
     * is not ours: a reply sent this much before the slot still belongs to it.
     */
    static final Duration CLOCK_TOLERANCE = Duration.ofMillis(100);

    private final long intervalMillis;
    private final long replyTimeoutMillis;
    private final long httpMillis;
    private final long handOffMillis;
    private final int maxRetries;
    private final Clock clock;

    @Autowired
    public SlotBudget(CollectorProperties collector, DeribitProperties deribit,
                      @Value("${deribit.max-retries}") int maxRetries) {
        this(collector.interval(), deribit.replyTimeout(), maxRetries, Clock.systemUTC());
    }

    SlotBudget(Duration interval, Duration replyTimeout, int maxRetries, Clock clock) {
        this.maxRetries = maxRetries;
        this.intervalMillis = interval.toMillis();
        this.replyTimeoutMillis = replyTimeout.toMillis();
        this.httpMillis = Math.min(replyTimeoutMillis, intervalMillis * 3 / 10);
        this.handOffMillis = intervalMillis / 20;
        this.clock = clock;
    }

    /** The whole time an HTTP fallback may take (connect plus response), reserved at the end of every slot. */
    public Duration httpTimeout() {
        return Duration.ofMillis(httpMillis);
    }

    /** When the last WebSocket attempt of the slot must have its reply, so that the HTTP fallback still fits. */
    Instant webSocketDeadline(Instant slot) {
        return slot.plusMillis(intervalMillis - httpMillis - handOffMillis);
    }

    /**
     * How long a WebSocket request sent now may wait for its reply: the reply timeout, cut short by the slot's
     * WebSocket deadline; zero when the WebSocket's share of the slot is used up. Without a slot (the greeting of a
     * new connection) the whole reply timeout.
     */
    public Duration webSocketTimeLeft(@Header("slot") Instant slot) {
        if (slot == null) {
            return Duration.ofMillis(replyTimeoutMillis);
        }
        long left = webSocketDeadline(slot).toEpochMilli() - clock.millis();
        return Duration.ofMillis(Math.max(0, Math.min(replyTimeoutMillis, left)));
    }

    /**
     * Whether another WebSocket attempt is made after waiting {@code delayMillis}: at most
     * {@code deribit.max-retries} of them (the later the price is observed, the less it is the slot's price), and
     * only if it still has a tenth of the interval (or the whole reply timeout, if shorter) before the deadline.
     * Otherwise the slot goes to HTTP now.
     *
     * @param retryNumber Camel's redelivery counter, which already counts the retry being decided (1 for the first)
     */
    public boolean retryFits(Instant slot, long delayMillis, @Header(Exchange.REDELIVERY_COUNTER) Integer retryNumber) {
        if (retryNumber != null && retryNumber > maxRetries) {
            return false;
        }
        long leastUsefulAttempt = Math.min(replyTimeoutMillis, intervalMillis / 10);
        return clock.millis() + delayMillis + leastUsefulAttempt <= webSocketDeadline(slot).toEpochMilli();
    }

    /**
     * Refuses a reply Deribit sent outside the slot's interval (a late reply that was queued somewhere, or a clock
     * gone wrong): its price is not the price of this slot.
     *
     * @param usOut Deribit's send time, µs since the epoch; a reply without it is accepted
     */
    public void requireSentInSlot(@Header("ticker") String ticker, @Header("slot") Instant slot,
                                  @Header(JsonRpcCodec.US_OUT) Long usOut) throws UnusableReplyException {
        if (usOut == null || slot == null) {
            return;
        }
        long sentMillis = usOut / 1000;
        long from = slot.toEpochMilli() - CLOCK_TOLERANCE.toMillis();
        long until = slot.toEpochMilli() + intervalMillis;
        if (sentMillis < from || sentMillis >= until) {
            throw new UnusableReplyException("Deribit sent its " + ticker + " price at " + Instant.ofEpochMilli(sentMillis)
                    + ", outside slot " + slot + " (which ends at " + Instant.ofEpochMilli(until) + "); not stored under it");
        }
    }
}
