package io.deribittracker.ops;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.deribittracker.config.CollectorProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.deribittracker.storage.Spool;
import org.springframework.stereotype.Component;

/**
 * The collector's meters, all named {@code deribit_tracker_*} in Prometheus. The collector calls the event methods;
 * the gauges compute themselves when scraped.
 *
 * <table>
 *   <tr><th>Prometheus name</th><th>tags</th><th>meaning</th></tr>
 *   <tr><td>deribit_tracker_samples_stored_total</td><td>ticker</td><td>samples inserted into index_price</td></tr>
 *   <tr><td>deribit_tracker_exchange_errors_total</td><td>code</td><td>JSON-RPC errors Deribit answered, by error code</td></tr>
 *   <tr><td>deribit_tracker_reconnects_total</td><td></td><td>WebSocket connections re-established</td></tr>
 *   <tr><td>deribit_tracker_replies_timed_out_total</td><td></td><td>requests whose reply did not arrive in time</td></tr>
 *   <tr><td>deribit_tracker_http_fallbacks_total</td><td></td><td>prices fetched over HTTP instead of the WebSocket</td></tr>
 *   <tr><td>deribit_tracker_buffer_overflows_total</td><td></td><td>samples that found the spool full</td></tr>
 *   <tr><td>deribit_tracker_store_queue_depth</td><td></td><td>samples waiting in the spool now</td></tr>
 *   <tr><td>deribit_tracker_newest_sample_age_seconds</td><td>ticker</td><td>age of the newest stored sample (NaN: none)</td></tr>
 *   <tr><td>deribit_tracker_index_price</td><td>ticker</td><td>the newest stored price (NaN: none)</td></tr>
 * </table>
 */
@Component
public class CollectorMetrics {

    static final String PREFIX = "deribit.tracker.";

    private final MeterRegistry registry;
    private final Map<String, Counter> samplesStored = new ConcurrentHashMap<>();
    private final Map<Integer, Counter> exchangeErrors = new ConcurrentHashMap<>();
    private final Counter reconnects;
    private final Counter repliesTimedOut;
    private final Counter httpFallbacks;
    private final Counter bufferOverflows;

    public CollectorMetrics(MeterRegistry registry, CollectorProperties collector, DatabaseProbe databaseProbe, Spool spool) {
        this.registry = registry;
        reconnects = Counter.builder(PREFIX + "reconnects")
                .description("WebSocket connections to Deribit re-established after a drop").register(registry);
        repliesTimedOut = Counter.builder(PREFIX + "replies.timed.out")
                .description("Deribit requests whose reply did not arrive in time").register(registry);
        httpFallbacks = Counter.builder(PREFIX + "http.fallbacks")
                .description("Index prices fetched over HTTP because the WebSocket did not answer").register(registry);
        bufferOverflows = Counter.builder(PREFIX + "buffer.overflows")
                .description("Samples that found the spool full").register(registry);
        for (String ticker : collector.indexNames()) {
            // every configured index shows from the start, at 0, so that rate() and absence alerts work
            samplesStored(ticker);
            Gauge.builder(PREFIX + "newest.sample.age", databaseProbe, probe -> newestSampleAge(probe, ticker))
                    .description("Age of the newest stored sample of the index (NaN: none stored or database down)")
                    .baseUnit("seconds")
                    .tag("ticker", ticker)
                    .register(registry);
            // prices next to the service's own metrics in Grafana, without a second data source
            Gauge.builder(PREFIX + "index.price", databaseProbe, probe -> newestPrice(probe, ticker))
                    .description("Newest stored index price (NaN: none stored or database down)")
                    .tag("ticker", ticker)
                    .register(registry);
        }
        Gauge.builder(PREFIX + "store.queue.depth", spool, Spool::depth)
                .description("Samples waiting in the spool for the database")
                .register(registry);
    }

    /** A sample of {@code ticker} was inserted into the database. */
    public void sampleStored(String ticker) {
        samplesStored(ticker).increment();
    }

    /** Deribit answered a request with a JSON-RPC error of this code. */
    public void exchangeError(int code) {
        exchangeErrors.computeIfAbsent(code, c -> Counter.builder(PREFIX + "exchange.errors")
                .description("JSON-RPC errors answered by Deribit, by error code")
                .tag("code", Integer.toString(c))
                .register(registry)).increment();
    }

    /** The WebSocket to Deribit was connected again after it had dropped. */
    public void reconnected() {
        reconnects.increment();
    }

    /** A request's reply did not arrive within {@code deribit.reply-timeout}. */
    public void replyTimedOut() {
        repliesTimedOut.increment();
    }

    /** A price was fetched over HTTP because the WebSocket did not deliver it. */
    public void httpFallback() {
        httpFallbacks.increment();
    }

    /** A sample could not be spooled for storage because the spool was full. */
    public void bufferOverflow() {
        bufferOverflows.increment();
    }

    private Counter samplesStored(String ticker) {
        return samplesStored.computeIfAbsent(ticker, t -> Counter.builder(PREFIX + "samples.stored")
                .description("Samples inserted into index_price")
                .tag("ticker", t)
                .register(registry));
    }

    /** From the latest database probe (at most a probe interval old); NaN when none is stored or the database is down. */
    private static double newestSampleAge(DatabaseProbe probe, String ticker) {
        DatabaseProbe.Reading reading = probe.latest();
        return reading.newest().getOrDefault(ticker, java.util.Optional.empty())
                .map(ts -> java.time.Duration.between(ts, probe.now()).toMillis() / 1000.0)
                .orElse(Double.NaN);
    }

    /**
     * The newest stored price, from the latest database probe; NaN likewise. A gauge is a double: digits beyond a
     * double's are for the API, not for a dashboard's line.
     */
    private static double newestPrice(DatabaseProbe probe, String ticker) {
        java.math.BigDecimal price = probe.latest().prices().get(ticker);
        return price == null ? Double.NaN : price.doubleValue();
    }
}
