package io.deribittracker.backfill;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deribittracker.collector.DeribitJson;
import io.deribittracker.collector.IndexPriceSample;
import io.deribittracker.config.CollectorProperties;
import io.deribittracker.storage.DatabaseErrors;
import io.deribittracker.storage.DatabaseSchema;
import io.deribittracker.storage.Spool;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The steps of a back-fill run, called by the routes in {@link BackfillRoutes}: which slots are missing, what to ask
 * Deribit for each, which trade stands for the slot, and the tally of the run.
 * <p>
 * A slot gets the index price of the trade nearest to its instant, and only of one within half an interval of it;
 * otherwise it stays missing. Nothing is interpolated.
 */
@Component("backfill")
public class Backfill {

    /** Exchange property holding the {@link BackfillRun} while it runs. */
    static final String RUN = "backfillRun";
    /** Exchange property holding the {@link HistoryQuery} the request route sends. */
    static final String QUERY = "backfillQuery";
    /** Exchange property holding the {@link MissingSlot} being filled. */
    static final String SLOT = "backfillSlot";

    private static final Logger LOG = LoggerFactory.getLogger(Backfill.class);
    private static final String STORED = "SELECT ts FROM index_price WHERE ticker = ? AND ts BETWEEN ? AND ?";

    private final BackfillProperties properties;
    private final CollectorProperties collector;
    private final DatabaseSchema schema;
    private final Spool spool;
    private final JdbcTemplate jdbc;
    private final BackfillStatus status;
    private final MeterRegistry meters;
    private final Clock clock;
    private final ObjectMapper json = DeribitJson.objectMapper();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    /**
     * Slots already found to have no trade near enough. Trade history does not change, so they are not asked for
     * again (else every run would repeat up to a window's worth of requests); forgotten once out of the window.
     */
    private final Set<MissingSlot> unavailable = ConcurrentHashMap.newKeySet();

    public Backfill(BackfillProperties properties, CollectorProperties collector, DatabaseSchema schema, Spool spool,
                    JdbcTemplate jdbc, BackfillStatus status, MeterRegistry meters) {
        this.properties = properties;
        this.collector = collector;
        this.schema = schema;
        this.spool = spool;
        this.jdbc = jdbc;
        this.status = status;
        this.meters = meters;
        this.clock = Clock.systemUTC();
        for (String ticker : collector.indexNames()) {
            counter(ticker, "filled");
            counter(ticker, "unavailable");
        }
    }

    /**
     * The missing slots of every index, newest first, or null when there is nothing to do (back-fill off, an API-only
     * replica, or a database not reachable yet: the run after the migrations comes later).
     */
    public BackfillRun plan() {
        if (!properties.enabled() || !collector.enabled() || !schema.isMigrated()) {
            return null;
        }
        Instant now = clock.instant();
        long interval = collector.interval().toMillis();
        // from the first slot of the window up to the slot before the current one: the current slot's live fetch may
        // still be under way, the one before it has been fetched (and spooled) by now
        Instant first = Instant.ofEpochMilli(Math.floorDiv(now.minus(properties.window()).toEpochMilli(), interval) * interval);
        Instant last = Instant.ofEpochMilli((Math.floorDiv(now.toEpochMilli(), interval) - 1) * interval);
        List<MissingSlot> missing = new ArrayList<>();
        unavailable.removeIf(slot -> slot.slot().isBefore(first));
        try {
            for (String ticker : collector.indexNames()) {
                // the spool first, then the table: a sample that moves from one to the other in between is seen once
                Set<Instant> present = new HashSet<>(spool.waitingSlots(ticker));
                present.addAll(jdbc.query(STORED, (rs, i) -> rs.getTimestamp(1).toInstant(), ticker,
                        Timestamp.from(first), Timestamp.from(last)));
                String instrument = properties.instrumentFor(ticker);
                for (Instant slot = first; !slot.isAfter(last); slot = slot.plusMillis(interval)) {
                    if (!present.contains(slot)) {
                        missing.add(new MissingSlot(ticker, instrument, slot));
                    }
                }
            }
        } catch (RuntimeException e) {
            if (DatabaseErrors.isUnreachable(e)) {
                LOG.info("Back-fill skipped: the database is not reachable ({}); it runs again when it is", e.getMessage());
                return null;
            }
            throw e;
        }
        missing.sort(Comparator.comparing(MissingSlot::slot).reversed());
        return new BackfillRun(collector.indexNames(), missing, unavailable, now);
    }

    /** False once the run was stopped (also by a shutdown) or the slot's index refused: no request is made for it. */
    public boolean shouldFetch(@ExchangeProperty(RUN) BackfillRun run, MissingSlot slot, Exchange exchange) {
        if (exchange.getContext().getStatus().isStopping()) {
            run.abort("the service is stopping");
        }
        return run.shouldFetch(slot);
    }

    /** The query for the first trade at or after the slot, within half an interval. */
    public HistoryQuery tradeAtOrAfter(MissingSlot slot) throws HistoryRefusedException {
        return new HistoryQuery(instrument(slot), slot.slot(), slot.slot().plus(halfInterval()), false);
    }

    /** The query for the last trade at or before the slot, within half an interval. */
    public HistoryQuery tradeAtOrBefore(MissingSlot slot) throws HistoryRefusedException {
        return new HistoryQuery(instrument(slot), slot.slot().minus(halfInterval()), slot.slot(), true);
    }

    private String instrument(MissingSlot slot) throws HistoryRefusedException {
        if (slot.instrument() == null) {
            throw new HistoryRefusedException("no perpetual known for " + slot.ticker() + "; set backfill.instruments");
        }
        return slot.instrument();
    }

    /**
     * The trade in Deribit's reply, or null when the range has none.
     *
     * @throws RateLimitedException     on {@code 10028 too_many_requests} or HTTP 429
     * @throws HistoryRefusedException  on any other error reply, or a reply that is not a trade list
     */
    public Trade readTrade(String reply, @Header(Exchange.HTTP_RESPONSE_CODE) Integer status)
            throws RateLimitedException, HistoryRefusedException {
        JsonNode frame;
        try {
            frame = json.readTree(reply);
        } catch (Exception e) {
            if (status != null && status == 429) {
                throw new RateLimitedException("HTTP 429");
            }
            throw new HistoryRefusedException("HTTP " + status + ", not a JSON-RPC reply");
        }
        JsonNode error = frame.get("error");
        if (error != null) {
            int code = error.path("code").asInt();
            String message = code + " " + error.path("message").asText();
            if (code == 10028) {
                throw new RateLimitedException(message);
            }
            throw new HistoryRefusedException(message);
        }
        if (status != null && status == 429) {
            throw new RateLimitedException("HTTP 429");
        }
        JsonNode trades = frame.path("result").path("trades");
        if (!trades.isArray()) {
            throw new HistoryRefusedException("the reply has no trade list");
        }
        if (trades.isEmpty()) {
            return null;
        }
        JsonNode trade = trades.get(0);
        JsonNode indexPrice = trade.get("index_price");
        if (indexPrice == null || !indexPrice.isNumber() || !trade.path("timestamp").canConvertToLong()) {
            throw new HistoryRefusedException("a trade without index_price or timestamp: " + trade);
        }
        return new Trade(Instant.ofEpochMilli(trade.path("timestamp").asLong()), indexPrice.decimalValue());
    }

    /**
     * The sample for the slot: the index price of the nearer of the two trades (the earlier one on a tie), or null
     * when neither lies within half an interval of the slot, which is counted as unavailable.
     */
    public IndexPriceSample choose(@ExchangeProperty(RUN) BackfillRun run, @ExchangeProperty(SLOT) MissingSlot slot,
                                   @ExchangeProperty("before") Trade before, @ExchangeProperty("after") Trade after) {
        Trade nearest = nearer(slot.slot(), before, after);
        if (nearest == null || distance(slot.slot(), nearest).compareTo(halfInterval()) > 0) {
            unavailable.add(slot);
            run.unavailable(slot.ticker());
            counter(slot.ticker(), "unavailable").increment();
            return null;
        }
        return new IndexPriceSample(slot.ticker(), slot.slot(), nearest.indexPrice(), nearest.timestamp(), "backfill");
    }

    private static Trade nearer(Instant slot, Trade before, Trade after) {
        if (before == null || after == null) {
            return before == null ? after : before;
        }
        return distance(slot, after).compareTo(distance(slot, before)) < 0 ? after : before;
    }

    private static Duration distance(Instant slot, Trade trade) {
        return Duration.between(slot, trade.timestamp()).abs();
    }

    private Duration halfInterval() {
        return collector.interval().dividedBy(2);
    }

    /** The row went in (or another writer stored that slot first, which is as good). */
    public void stored(@ExchangeProperty(RUN) BackfillRun run, @Header("CamelJdbcUpdateCount") int inserted,
                       @Header("ticker") String ticker) {
        if (inserted > 0) {
            run.filled(ticker);
            counter(ticker, "filled").increment();
        } else {
            run.alreadyStored(ticker);
        }
    }

    /** Deribit refused this index's history: reported once, and the index is skipped for the rest of the run. */
    public void refused(@ExchangeProperty(RUN) BackfillRun run, @ExchangeProperty(SLOT) MissingSlot slot,
                        @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception cause) {
        if (run.shouldFetch(slot)) {
            LOG.warn("Deribit refused the history of {} ({}): {}; skipped until the next back-fill run",
                    slot.ticker(), slot.instrument(), cause.getMessage());
        }
        run.refused(slot.ticker(), cause.getMessage());
    }

    /** Deribit or the database cannot be reached: the rest of the run is pointless; the next run tries again. */
    public void abort(@ExchangeProperty(RUN) BackfillRun run, @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception cause) {
        run.abort(cause.getClass().getSimpleName() + ": " + cause.getMessage());
    }

    /** The run's one log line, the health details, and nothing else. */
    public void report(@ExchangeProperty(RUN) BackfillRun run) {
        status.update(run.left());
        LOG.info(run.summary(properties.windowText(), clock.instant()));
    }

    private Counter counter(String ticker, String outcome) {
        return counters.computeIfAbsent(ticker + "/" + outcome, key -> Counter.builder("deribit.tracker.backfill.slots")
                .description("Missing slots back-filled from Deribit's trade history (filled), or with no trade near enough (unavailable)")
                .tag("ticker", ticker)
                .tag("outcome", outcome)
                .register(meters));
    }
}
