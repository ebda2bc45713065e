package io.deribittracker.ops;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.deribittracker.config.CollectorProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Asks the database, on a thread of its own, whether it answers and what the newest sample of each configured index
 * is; health and metrics read the latest answer. A probe never waits on the database: with PostgreSQL down, getting
 * a connection takes Hikari's connection timeout (seconds), and Docker's or Kubernetes' probes must get their answer
 * long before that. One newest-row lookup per index: the primary key (ticker, ts) makes each an index lookup.
 */
@Component
public class DatabaseProbe implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseProbe.class);
    private static final String NEWEST = "SELECT ts, price FROM index_price WHERE ticker = ? ORDER BY ts DESC LIMIT 1";

    /** What the database said last, and when. {@code error} is null when it answered. */
    public record Reading(Instant at, String error, Map<String, Optional<Instant>> newest, Map<String, BigDecimal> prices) {
        boolean reachable() {
            return error == null;
        }
    }

    private final DataSource dataSource;
    private final CollectorProperties collector;
    private final Duration interval;
    private final Clock clock = Clock.systemUTC();
    private volatile Reading latest;
    /** false until the first probe: the reading before it is no outage, and the first good one no recovery */
    private boolean probed;
    private ScheduledExecutorService executor;

    public DatabaseProbe(DataSource dataSource, CollectorProperties collector,
                         @Value("${tracker.health.probe-interval}") Duration interval) {
        this.dataSource = dataSource;
        this.collector = collector;
        this.interval = interval;
        this.latest = new Reading(clock.instant(), "not probed yet", Map.of(), Map.of());
    }

    /** The latest reading; older than {@link #overdueAfter()} means the probe itself is stuck. */
    public Reading latest() {
        return latest;
    }

    Duration overdueAfter() {
        // one probe may legitimately take Hikari's connection timeout (3 s) on top of the interval
        return interval.multipliedBy(3).plusSeconds(10);
    }

    Instant now() {
        return clock.instant();
    }

    void probe() {
        Reading reading;
        try (Connection connection = dataSource.getConnection()) {
            Map<String, Optional<Instant>> newest = new LinkedHashMap<>();
            Map<String, BigDecimal> prices = new LinkedHashMap<>();
            try (PreparedStatement statement = connection.prepareStatement(NEWEST)) {
                statement.setQueryTimeout(2);
                for (String ticker : collector.indexNames()) {
                    statement.setString(1, ticker);
                    try (ResultSet row = statement.executeQuery()) {
                        boolean any = row.next();
                        newest.put(ticker, any ? Optional.of(row.getTimestamp("ts").toInstant()) : Optional.empty());
                        if (any) {
                            prices.put(ticker, row.getBigDecimal("price"));
                        }
                    }
                }
            }
            reading = new Reading(clock.instant(), null, newest, prices);
        } catch (SQLException | RuntimeException e) {
            reading = new Reading(clock.instant(), e.getClass().getSimpleName() + ": " + e.getMessage(), Map.of(), Map.of());
            LOG.debug("Database probe failed", e);
        }
        // one line when the database stops answering (or does not answer the first probe) and one when it is back,
        // however many requests meet it meanwhile
        if (!reading.reachable() && (latest.reachable() || !probed)) {
            LOG.warn("Database unreachable ({}): the API answers 503 and readiness is DOWN until it is back",
                    reading.error());
        } else if (reading.reachable() && !latest.reachable() && probed) {
            LOG.info("Database reachable again");
        }
        probed = true;
        latest = reading;
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "database-probe");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::probe, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null && !executor.isShutdown();
    }
}
