package io.deribittracker.ops;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.deribittracker.config.CollectorProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The newest stored sample (slot and price) of each configured index, read from {@code index_price}. One
 * {@code ORDER BY ts DESC LIMIT 1} per index: the primary key (ticker, ts) makes each an index lookup, however large
 * the table.
 */
@Component
public class NewestSamples {

    /** Metrics are scraped often; a few seconds of staleness is fine there, a query per scrape is not needed. */
    static final Duration CACHE_TTL = Duration.ofSeconds(5);

    private static final String NEWEST = "SELECT ts, price FROM index_price WHERE ticker = ? ORDER BY ts DESC LIMIT 1";

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
        Map<String, Optional<Instant>> slots = new LinkedHashMap<>();
        readNewest().forEach((ticker, newest) -> slots.put(ticker, newest.map(Newest::slot)));
        return slots;
    }

    private Map<String, Optional<Newest>> readNewest() {
        Map<String, Optional<Newest>> newest = new LinkedHashMap<>();
        for (String ticker : collector.indexNames()) {
            List<Newest> row = jdbc.query(NEWEST,
                    (rs, i) -> new Newest(rs.getTimestamp("ts").toInstant(), rs.getBigDecimal("price")), ticker);
            newest.put(ticker, row.stream().findFirst());
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
        return cached(ticker).map(newest -> Duration.between(newest.slot(), now).toMillis() / 1000.0).orElse(Double.NaN);
    }

    /**
     * The newest stored price of {@code ticker}, from the same reading as its age ({@code NaN} likewise). A gauge is a
     * double: digits beyond a double's are for the API, not for a dashboard's line.
     */
    public double cachedPrice(String ticker) {
        return cached(ticker).map(newest -> newest.price().doubleValue()).orElse(Double.NaN);
    }

    private Optional<Newest> cached(String ticker) {
        Instant now = clock.instant();
        Snapshot snapshot = cached;
        if (snapshot == null || snapshot.readAt().plus(CACHE_TTL).isBefore(now)) {
            try {
                readNewest();
            } catch (RuntimeException e) {
                cached = new Snapshot(now, Map.of()); // database down: report NaN, do not hammer it on every scrape
            }
            snapshot = cached;
        }
        return snapshot.newest().getOrDefault(ticker, Optional.empty());
    }

    public Instant now() {
        return clock.instant();
    }

    private record Newest(Instant slot, BigDecimal price) {
    }

    private record Snapshot(Instant readAt, Map<String, Optional<Newest>> newest) {
    }
}
