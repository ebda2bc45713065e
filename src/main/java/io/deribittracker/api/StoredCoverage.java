package io.deribittracker.api;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.deribittracker.config.CollectorProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads {@code /tickers}: per configured index, one pass over its rows grouped by source (first, last, counts) and
 * one look at the last 24 hours' slots, each an index lookup on the primary key, for the missing ones.
 */
@Component
public class StoredCoverage {

    /** Sources named as records show them (ws and http are both "live"). */
    private static final String BY_SOURCE = "SELECT " + PriceQuery.SOURCE_AS_SHOWN + " AS shown,"
            + " count(*) AS slots, min(ts) AS first, max(ts) AS last FROM index_price WHERE ticker = ? GROUP BY 1 ORDER BY 1";

    /** Gaps and islands: consecutive missing slots share the same slot minus (rank x interval). */
    private static final String MISSING = """
            WITH expected AS (
                SELECT generate_series(?::timestamptz, ?::timestamptz, ?::interval) AS ts),
            missing AS (
                SELECT e.ts, e.ts - row_number() OVER (ORDER BY e.ts) * ?::interval AS run
                FROM expected e
                WHERE NOT EXISTS (SELECT 1 FROM index_price p WHERE p.ticker = ? AND p.ts = e.ts))
            SELECT min(ts) AS first, max(ts) AS last, count(*) AS slots FROM missing GROUP BY run ORDER BY 1""";

    private static final Duration WINDOW = Duration.ofHours(24);

    private final JdbcTemplate jdbc;
    private final TickerResolver tickers;
    private final List<String> indexNames;
    private final Duration interval;
    private final Clock clock;

    @Autowired
    public StoredCoverage(JdbcTemplate jdbc, TickerResolver tickers, CollectorProperties collector) {
        this(jdbc, tickers, collector.indexNames(), collector.interval(), Clock.systemUTC());
    }

    StoredCoverage(JdbcTemplate jdbc, TickerResolver tickers, List<String> indexNames, Duration interval, Clock clock) {
        this.jdbc = jdbc;
        this.tickers = tickers;
        this.indexNames = indexNames;
        this.interval = interval;
        this.clock = clock;
    }

    /** Bean method of the tickers route: every configured index, in configuration order. */
    public List<TickerCoverage> read() {
        // the newest slot that should be stored by now: the current one may still be on its way from Deribit
        long intervalMillis = interval.toMillis();
        Instant to = Instant.ofEpochMilli(Math.floorDiv(clock.millis(), intervalMillis) * intervalMillis).minus(interval);
        Instant from = to.minus(WINDOW).plus(interval);
        List<TickerCoverage> coverage = new ArrayList<>();
        for (String ticker : indexNames) {
            coverage.add(read(ticker, from, to));
        }
        return coverage;
    }

    private TickerCoverage read(String ticker, Instant from, Instant to) {
        Map<String, Long> sources = new LinkedHashMap<>();
        Instant[] firstAndLast = new Instant[2];
        jdbc.query(BY_SOURCE, row -> {
            sources.put(row.getString("shown"), row.getLong("slots"));
            Instant first = row.getTimestamp("first").toInstant();
            Instant last = row.getTimestamp("last").toInstant();
            firstAndLast[0] = firstAndLast[0] == null || first.isBefore(firstAndLast[0]) ? first : firstAndLast[0];
            firstAndLast[1] = firstAndLast[1] == null || last.isAfter(firstAndLast[1]) ? last : firstAndLast[1];
        }, ticker);
        String step = interval.toMillis() + " milliseconds";
        List<TickerCoverage.Gap> gaps = jdbc.query(MISSING, (row, i) -> new TickerCoverage.Gap(
                        TickerCoverage.Slot.of(row.getTimestamp("first").toInstant()),
                        TickerCoverage.Slot.of(row.getTimestamp("last").toInstant()), row.getLong("slots")),
                Timestamp.from(from), Timestamp.from(to), step, step, ticker);
        long missing = gaps.stream().mapToLong(TickerCoverage.Gap::slots).sum();
        return new TickerCoverage(ticker, tickers.aliases(ticker), TickerCoverage.Slot.of(firstAndLast[0]),
                TickerCoverage.Slot.of(firstAndLast[1]), sources.values().stream().mapToLong(Long::longValue).sum(),
                sources, new TickerCoverage.Missing(TickerCoverage.Slot.of(from), TickerCoverage.Slot.of(to), missing, gaps));
    }
}
