package io.deribittracker.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.deribittracker.backfill.BackfillStatus;
import io.deribittracker.config.CollectorProperties;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * {@code collector} in {@code /actuator/health}: DOWN when the newest sample of any configured index is older than
 * three intervals, with the age of each in the details.
 *
 * <ul>
 *   <li>An index with no sample at all counts as stale once the service has been up for three intervals (before
 *       that, a fresh installation is simply still waiting for its first slot).</li>
 *   <li>With {@code collector.enabled=false} (an API-only replica) the indicator still judges the freshness of the
 *       shared table, because that is what the replica serves; the details say {@code collecting: false}.</li>
 *   <li>It reads the latest {@link DatabaseProbe} reading (at most a probe interval old), never the database itself,
 *       so it answers at once; while the database is unreachable it says UNKNOWN (readiness's {@code db} says DOWN).</li>
 *   <li>It is part of the overall health only, not of the liveness or readiness groups: stale prices are no reason
 *       to restart the service or to stop serving what is stored.</li>
 * </ul>
 */
@Component("collector")
class CollectorHealthIndicator extends AbstractHealthIndicator {

    static final int STALE_AFTER_INTERVALS = 3;

    private final DatabaseProbe probe;
    private final CollectorProperties collector;
    private final BackfillStatus backfill;
    private final Instant startedAt;

    CollectorHealthIndicator(DatabaseProbe probe, CollectorProperties collector, BackfillStatus backfill) {
        super("Collector health check failed");
        this.probe = probe;
        this.collector = collector;
        this.backfill = backfill;
        this.startedAt = probe.now();
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Duration staleAfter = collector.interval().multipliedBy(STALE_AFTER_INTERVALS);
        DatabaseProbe.Reading reading = probe.latest();
        if (!reading.reachable()) {
            builder.unknown().withDetail("collecting", collector.enabled()).withDetail("error", "database unreachable");
            return;
        }
        Map<String, Optional<Instant>> newest = reading.newest();
        Instant now = probe.now();
        boolean inGracePeriod = Duration.between(startedAt, now).compareTo(staleAfter) < 0;

        boolean stale = false;
        Map<String, Object> tickers = new LinkedHashMap<>();
        for (Map.Entry<String, Optional<Instant>> entry : newest.entrySet()) {
            Map<String, Object> detail = new LinkedHashMap<>();
            if (entry.getValue().isPresent()) {
                Duration age = Duration.between(entry.getValue().get(), now);
                detail.put("newestSample", entry.getValue().get().toString());
                detail.put("ageSeconds", Math.max(0, age.toSeconds()));
                stale |= age.compareTo(staleAfter) > 0;
            } else {
                detail.put("newestSample", null);
                stale |= !inGracePeriod;
            }
            tickers.put(entry.getKey(), detail);
        }
        (stale ? builder.down() : builder.up())
                .withDetail("collecting", collector.enabled())
                .withDetail("interval", collector.interval().toString())
                .withDetail("staleAfterSeconds", staleAfter.toSeconds())
                .withDetail("tickers", tickers)
                // slots of the back-fill window still without a row after the last back-fill run
                .withDetail("missingSlots", backfill.missingSlots());
    }
}
