package io.deribittracker.collector;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.deribittracker.backfill.BackfillProperties;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The collector's log while slots are being missed: one WARN line when collection starts failing, a WARN summary
 * at most every {@code collector.outage-summary-interval} while it goes on, one INFO line when every failing index
 * is collected again. Each missed slot on its own is a DEBUG line, so an exchange outage of a day is a handful of
 * lines, not thousands. Each line says what becomes of the missed slots: the back-fill recovers them, unless it is
 * off or they are older than its window, and then the line says they stay missing.
 */
@Component("collectionOutage")
public class CollectionOutage {

    private static final Logger LOG = LoggerFactory.getLogger(CollectionOutage.class);

    private final Duration summaryInterval;
    private final BackfillProperties backfill;
    private final Clock clock;

    private final Set<String> failing = new HashSet<>();
    private final Map<String, Integer> missed = new TreeMap<>();
    private volatile boolean outage;
    private Instant firstMissedSlot;
    private Instant lastMissedSlot;
    private Instant lastReportAt;

    @Autowired
    public CollectionOutage(@Value("${collector.outage-summary-interval}") Duration summaryInterval,
                            BackfillProperties backfill) {
        this(summaryInterval, backfill, Clock.systemUTC());
    }

    CollectionOutage(Duration summaryInterval, BackfillProperties backfill, Clock clock) {
        this.summaryInterval = summaryInterval;
        this.backfill = backfill;
        this.clock = clock;
    }

    /** Neither the WebSocket nor HTTP gave a price for {@code ticker} in {@code slot}. */
    public synchronized void slotMissed(@Header("ticker") String ticker, @Header("slot") Instant slot, String reason) {
        failing.add(ticker);
        missed.merge(ticker, 1, Integer::sum);
        lastMissedSlot = slot;
        Instant now = clock.instant();
        if (!outage) {
            outage = true;
            firstMissedSlot = slot;
            lastReportAt = now;
            LOG.warn("Collection failing: no {} price for slot {} ({}); trying again every slot; {}", ticker, slot,
                    reason, backfillOutlook(now));
        } else if (!now.isBefore(lastReportAt.plus(summaryInterval))) {
            lastReportAt = now;
            LOG.warn("Collection still failing since slot {}: {} slots missed so far {} ({}); {}", firstMissedSlot,
                    total(), missed, reason, backfillOutlook(now));
        } else {
            LOG.debug("No {} price for slot {} ({})", ticker, slot, reason);
        }
    }

    /** A price of {@code ticker} for {@code slot} was handed to storage. */
    public void slotCollected(@Header("ticker") String ticker, @Header("slot") Instant slot) {
        if (!outage) {
            return; // the usual case, without taking the lock
        }
        synchronized (this) {
            if (failing.remove(ticker) && failing.isEmpty()) {
                LOG.info("Collection recovered with {} slot {}: {} slots missed {} from {} to {}; {}", ticker, slot,
                        total(), missed, firstMissedSlot, lastMissedSlot, backfillOutlook(clock.instant()));
                outage = false;
                missed.clear();
            }
        }
    }

    /**
     * What becomes of the slots missed since {@code firstMissedSlot}: the back-fill only looks at the last
     * {@code backfill.window} of slots, and at none when the window is 0.
     */
    private String backfillOutlook(Instant now) {
        if (!backfill.enabled()) {
            return "the back-fill is off: the slots missed stay missing";
        }
        Instant windowStart = now.minus(backfill.window());
        if (firstMissedSlot.isBefore(windowStart)) {
            return "the back-fill will recover those from " + windowStart.truncatedTo(ChronoUnit.SECONDS)
                    + " on; earlier ones are older than the back-fill window (" + backfill.windowText() + ") and stay missing";
        }
        return "the back-fill will recover the slots missed";
    }

    private int total() {
        return missed.values().stream().mapToInt(Integer::intValue).sum();
    }
}
