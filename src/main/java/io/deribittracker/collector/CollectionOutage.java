package io.deribittracker.collector;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

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
 * lines, not thousands. Missed slots are left to the back-fill, which the lines say.
 */
@Component("collectionOutage")
public class CollectionOutage {

    private static final Logger LOG = LoggerFactory.getLogger(CollectionOutage.class);

    private final Duration summaryInterval;
    private final Clock clock;

    private final Set<String> failing = new HashSet<>();
    private final Map<String, Integer> missed = new TreeMap<>();
    private volatile boolean outage;
    private Instant firstMissedSlot;
    private Instant lastMissedSlot;
    private Instant lastReportAt;

    @Autowired
    public CollectionOutage(@Value("${collector.outage-summary-interval}") Duration summaryInterval) {
        this(summaryInterval, Clock.systemUTC());
    }

    CollectionOutage(Duration summaryInterval, Clock clock) {
        this.summaryInterval = summaryInterval;
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
            LOG.warn("Collection failing: no {} price for slot {} ({}); trying again every slot, and the back-fill "
                    + "will recover the slots missed", ticker, slot, reason);
        } else if (!now.isBefore(lastReportAt.plus(summaryInterval))) {
            lastReportAt = now;
            LOG.warn("Collection still failing since slot {}: {} slots missed so far {} ({}); the back-fill will "
                    + "recover them", firstMissedSlot, total(), missed, reason);
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
                LOG.info("Collection recovered with {} slot {}: {} slots missed {} from {} to {}; the back-fill "
                        + "recovers them", ticker, slot, total(), missed, firstMissedSlot, lastMissedSlot);
                outage = false;
                missed.clear();
            }
        }
    }

    private int total() {
        return missed.values().stream().mapToInt(Integer::intValue).sum();
    }
}
