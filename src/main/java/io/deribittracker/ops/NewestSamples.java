package io.deribittracker.ops;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.deribittracker.config.CollectorProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The slot of the newest stored sample of each configured index, read from {@code index_price}. One
 * {@code max(ts)} per index: the primary key (ticker, ts) makes each an index lookup, however large the table.
 */
@Component
public class NewestSamples {

    /** Metrics are scraped often; a few seconds of staleness is fine there, a query per scrape is not needed. */
    static final Duration CACHE_TTL = Duration.ofSeconds(5);

    private static final String NEWEST = "SELECT max(ts) FROM index_price WHERE ticker = ?";

    private final JdbcTemplate jdbc;
    private final CollectorProperties collector;
    private final Clock clock;
    private volatile Snapshot cached;

    @Autowired
    public NewestSamples(JdbcTemplate jdbc, CollectorProperties collector) {
        this(jdbc, collector, Clock.systemUTC());
    }

    NewestSamples(JdbcTemplate jdbc, CollectorProperties collector, Clock clock) {
        this.jdbc = jdbc;
        this.collector = collector;
        this.clock = clock;
    }

    /** Newest slot per configured index (empty: none stored yet), read now. */
    public Map<String, Optional<Instant>> read() {
        Map<String, Optional<Instant>> newest = new LinkedHashMap<>();
        for (String ticker : collector.indexNames()) {
            Timestamp ts = jdbc.queryForObject(NEWEST, Timestamp.class, ticker);
            newest.put(ticker, Optional.ofNullable(ts).map(Timestamp::toInstant));
        }
        cached = new Snapshot(clock.instant(), newest);
        return newest;
    }

    /**
     * Age in seconds of the newest sample of {@code ticker}, from a reading at most {@link #CACHE_TTL} old;
     * {@code NaN} when there is no sample or the database cannot be read.
     */
    public double cachedAgeSeconds(String ticker) {
        Instant now = clock.instant();
        Snapshot snapshot = cached;
        if (snapshot == null || snapshot.readAt().plus(CACHE_TTL).isBefore(now)) {
            try {
                read();
            } catch (RuntimeException e) {
                cached = new Snapshot(now, Map.of()); // database down: report NaN, do not hammer it on every scrape
            }
            snapshot = cached;
        }
        Optional<Instant> newest = snapshot.newest().getOrDefault(ticker, Optional.empty());
        return newest.map(ts -> Duration.between(ts, now).toMillis() / 1000.0).orElse(Double.NaN);
    }

    public Instant now() {
        return clock.instant();
    }

    private record Snapshot(Instant readAt, Map<String, Optional<Instant>> newest) {
    }
}
