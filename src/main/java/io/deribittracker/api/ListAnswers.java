package io.deribittracker.api;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;

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
 * The list answers in flight, and how each is started and rendered.
 *
 * <p>Bounded: at most {@code tracker.api.max-concurrent-lists} lists run at once, the size of the read-only pool
 * they stream from ({@link StreamingDataSourceConfiguration}). One more is refused at once with a 503 and
 * Retry-After instead of waiting for a connection: memory stays bounded whatever the number of clients (each list
 * holds one cursor's fetch and a socket's write queue), and a client never waits for a long answer of someone else.
 */
@Component
public class ListAnswers {

    private static final Logger LOG = LoggerFactory.getLogger(ListAnswers.class);
    private static final List<ListFormat> OFFERED = List.of(ListFormat.JSON, ListFormat.CSV);

    private final Semaphore slots;

    public ListAnswers(@Value("${tracker.api.max-concurrent-lists}") int maxConcurrentLists) {
        this.slots = new Semaphore(maxConcurrentLists);
    }

    /**
     * Takes a slot for this exchange (given back when it completes, after the response is written) and chooses the
     * representation: the one {@code format} names, else by Accept (406 before any database work when there is none
     * the client accepts). A CSV answer names the file it would be saved as.
     */
    public void begin(@Header("Accept") String accept, @ExchangeProperty("rowQuery") RowQuery query, Exchange exchange) {
        ListFormat format = query.format() != null ? query.format() : ListFormat.negotiate(accept, OFFERED);
        if (!slots.tryAcquire()) {
            throw new TooManyListsException();
        }
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                slots.release();
            }
        });
        exchange.setProperty("listFormat", format);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, format.contentType());
        if (format == ListFormat.CSV) {
            exchange.getMessage().setHeader("Content-Disposition", "attachment; filename=\"" + query.csvFileName() + "\"");
        }
    }

    /** Wraps the camel-jdbc {@code StreamList} iterator in the body into the streamed response body. */
    public RenderedRows render(@Body Iterator<Map<String, Object>> rows, @ExchangeProperty("listFormat") ListFormat format,
                               @ExchangeProperty("rowQuery") RowQuery query, Exchange exchange) {
        RenderedRows body = new RenderedRows(rows, format, query.renderer());
        if (exchange.getIn() instanceof HttpMessage http) {
            http.getResponse().closeHandler(closed -> {
                LOG.debug("A client closed its connection during a list answer; the rest is not read");
                body.abandon();
            });
        }
        return body;
    }
}
