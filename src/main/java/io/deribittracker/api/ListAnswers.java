package io.deribittracker.api;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.camel.component.platform.http.vertx.HttpMessage;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The list answers in flight: how each is admitted, and how its rows reach the socket.
 *
 * <p>Bounded: at most {@code tracker.api.max-concurrent-lists} lists run at once, the size of the read-only pool
 * they stream from ({@link StreamingDataSourceConfiguration}). One more is refused at once with a 503 and
 * Retry-After instead of waiting for a connection: memory stays bounded whatever the number of clients, and a
 * client never waits behind someone else's long answer.
 *
 * <p>Streamed with backpressure: a batch of rows is written only when the socket has taken the previous ones (the
 * response's write queue is not full), so a slow client pauses the cursor instead of filling the heap. The rows are
 * written here, on the Vert.x worker thread that runs the exchange, rather than handed back to the engine as a body
 * stream: that way the exchange (and with it the cursor, its connection and the list slot) ends exactly when the
 * answer has been sent, or when the client has gone away. A failure after the first byte resets the connection, so
 * the client sees an incomplete answer, never a complete-looking truncated one.
 */
@Component
public class ListAnswers {

    private static final Logger LOG = LoggerFactory.getLogger(ListAnswers.class);
    private static final List<ListFormat> OFFERED = List.of(ListFormat.JSON, ListFormat.CSV);

    /** set by list-rows before anything replaces the message that carries the request (rest-api.camel.yaml) */
    private static final String RESPONSE = "httpResponse";
    static final String FORMAT = "listFormat";

    private final Semaphore slots;

    public ListAnswers(@Value("${tracker.api.max-concurrent-lists}") int maxConcurrentLists) {
        this.slots = new Semaphore(maxConcurrentLists);
    }

    /** Keeps the request's HTTP response aside, list-rows' first step (the message carrying it is replaced later). */
    public void keepResponse(Exchange exchange) {
        exchange.setProperty(RESPONSE, ((HttpMessage) exchange.getIn()).getResponse());
    }

    /**
     * Chooses the representation (406 before any database work when the client accepts none), unless the parser
     * already chose one (exchange property {@code listFormat}, e.g. from a format parameter), and takes a slot for
     * this exchange, given back when the exchange completes.
     */
    public void begin(@Header("Accept") String accept, Exchange exchange) {
        ListFormat chosen = exchange.getProperty(FORMAT, ListFormat.class);
        ListFormat format = chosen != null ? chosen : ListFormat.negotiate(accept, OFFERED);
        if (!slots.tryAcquire()) {
            throw new TooManyListsException();
        }
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                slots.release();
            }
        });
        exchange.setProperty(FORMAT, format);
    }

    /** Writes the rows of the camel-jdbc {@code StreamList} iterator in the body to the client, and ends the response. */
    public void send(@Body Iterator<Map<String, Object>> rows, @ExchangeProperty(FORMAT) ListFormat format,
                     @ExchangeProperty("rowQuery") RowQuery query, @ExchangeProperty(RESPONSE) HttpServerResponse response)
            throws InterruptedException {
        RowBatches batches = new RowBatches(rows, format, query.renderer());
        CountDownLatch[] writable = {new CountDownLatch(0)};
        response.closeHandler(closed -> writable[0].countDown());
        // a failure here is still a problem answer: nothing has been sent yet
        byte[] first = batches.next();
        response.setStatusCode(200).setChunked(true)
                .putHeader("Content-Type", format.contentType())
                .putHeader("Vary", "Accept, Accept-Encoding");
        if (format == ListFormat.CSV) {
            // the name a browser saves it under says what it holds: btc_usd-1795514400-1795600800.csv
            response.putHeader("Content-Disposition", "attachment; filename=\"" + query.csvFileName() + "\"");
        }
        try {
            for (byte[] batch = first; batch != null; batch = batches.next()) {
                if (!awaitWritable(response, writable)) {
                    LOG.debug("A client closed its connection during a list answer; the rest is not read");
                    return;
                }
                response.write(Buffer.buffer(batch));
            }
        } catch (RuntimeException midway) {
            // the head is out: the only honest signal left is to cut the connection before the last chunk
            response.reset();
            throw midway;
        }
        response.end();
    }

    /** Waits until the socket takes more; false when the connection is gone. */
    private static boolean awaitWritable(HttpServerResponse response, CountDownLatch[] writable) throws InterruptedException {
        try {
            while (response.writeQueueFull()) {
                CountDownLatch drained = new CountDownLatch(1);
                writable[0] = drained;
                response.drainHandler(v -> drained.countDown());
                if (response.writeQueueFull() && !response.closed()) {
                    drained.await(1, TimeUnit.SECONDS);
                }
                if (response.closed()) {
                    return false;
                }
            }
            return !response.closed();
        } catch (IllegalStateException closed) {
            return false;
        }
    }
}
