package io.deribittracker.collector;

import java.net.ConnectException;
import java.util.concurrent.ExecutorService;

import io.vertx.core.http.WebSocket;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.vertx.websocket.VertxWebsocketComponent;
import org.apache.camel.component.vertx.websocket.VertxWebsocketConfiguration;
import org.apache.camel.component.vertx.websocket.VertxWebsocketEndpoint;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stock vertx-websocket client endpoint, plus what a long-lived exchange connection needs and the stock
 * client (4.17) does not offer as an option:
 * <ul>
 * <li>one socket at a time, opened only by the consumer (at start and by its reconnect timer), so its reply
 * handlers are on every socket a request is written to: the stock producer dials a socket of its own when it
 * finds none, and the replies to it would go unread;</li>
 * <li>exponential backoff between failed attempts (the stock reconnect timer has a fixed interval; here it just
 * polls this endpoint, and is told "not yet" until the backoff has passed);</li>
 * <li>connection events (the stock {@code fireWebSocketConnectionEvents} works for server consumers only): each
 * change of state goes into the consumer's route as an exchange with the header {@link #EVENT}, where the route
 * logs it and greets a new connection.</li>
 * </ul>
 */
public class DeribitWebsocketEndpoint extends VertxWebsocketEndpoint {

    /** Header of a connection event: {@code connected}, {@code closed} or {@code unreachable}; absent on frames. */
    public static final String EVENT = "DeribitConnection";
    /** On {@code connected}: true if an earlier connection had been lost. */
    public static final String RECONNECT = "DeribitReconnect";
    /** On {@code connected} after a loss: how long the service was without a socket, in seconds. */
    public static final String OFFLINE_SECONDS = "DeribitOfflineSeconds";

    private static final Logger LOG = LoggerFactory.getLogger(DeribitWebsocketEndpoint.class);

    private final ReconnectBackoff backoff;

    private DefaultConsumer consumer;
    private ExecutorService events;
    private WebSocket current;
    private boolean everConnected;
    private long downSinceMillis;
    private int failuresInARow;
    private long nextAttemptAtMillis;

    public DeribitWebsocketEndpoint(String uri, VertxWebsocketComponent component, VertxWebsocketConfiguration configuration,
                                    ReconnectBackoff backoff) {
        super(uri, component, configuration);
        this.backoff = backoff;
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        Consumer created = super.createConsumer(processor);
        if (created instanceof DefaultConsumer defaultConsumer) {
            consumer = defaultConsumer;
        }
        return created;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        // one thread, so events reach the route in the order they happened
        events = getCamelContext().getExecutorServiceManager().newSingleThreadExecutor(this, "DeribitConnectionEvents");
    }

    @Override
    protected void doStop() throws Exception {
        if (events != null) {
            getCamelContext().getExecutorServiceManager().shutdown(events);
            events = null;
        }
        super.doStop();
    }

    @Override
    protected synchronized WebSocket getWebSocket() throws Exception {
        if (current != null) {
            if (!current.isClosed()) {
                return current;
            }
            connectionLost();
        }
        long now = System.currentTimeMillis();
        if (now < nextAttemptAtMillis) {
            throw new ConnectException("Deribit WebSocket is down; next connection attempt in "
                    + (nextAttemptAtMillis - now) + " ms");
        }
        WebSocket socket;
        try {
            socket = super.getWebSocket();
        } catch (Exception e) {
            failuresInARow++;
            long delay = backoff.delayAfter(failuresInARow).toMillis();
            nextAttemptAtMillis = System.currentTimeMillis() + delay;
            LOG.debug("Connection attempt {} to Deribit failed ({}); next in {} ms", failuresInARow, e.toString(), delay);
            if (failuresInARow == 1) {
                fire("unreachable", e.toString(), false, 0);
            }
            throw e;
        }
        current = socket;
        failuresInARow = 0;
        fire("connected", remote(), everConnected, (System.currentTimeMillis() - downSinceMillis) / 1000);
        everConnected = true;
        return socket;
    }

    /** The producer writes on the consumer's socket and never dials one of its own. */
    @Override
    protected synchronized WebSocket getWebSocket(Exchange exchange) throws Exception {
        if (current == null || current.isClosed()) {
            throw new ConnectException("Deribit WebSocket is not connected; the consumer is reconnecting");
        }
        return current;
    }

    /**
     * Noticed when the socket is next asked for, which the consumer's reconnect timer does right after any
     * close (Vert.x's end handler does not fire for every kind of close, an idle timeout for one).
     */
    private void connectionLost() {
        current = null;
        downSinceMillis = System.currentTimeMillis();
        // wait the first backoff step before redialling, so a server that drops us at once is not hammered
        nextAttemptAtMillis = downSinceMillis + backoff.delayAfter(1).toMillis();
        fire("closed", remote(), false, 0);
    }

    /**
     * Sends a connection event into the consumer's route, asynchronously: the socket is handed to the consumer only
     * once {@link #getWebSocket()} returns, and greeting it needs the consumer's reply handlers. An event that
     * happens while the route is not running (a failed first connection at start-up) is not sent: the route
     * controller retries the start, and the collector's outage log says that slots are missed.
     */
    private void fire(String event, String detail, boolean reconnect, long offlineSeconds) {
        DefaultConsumer target = consumer;
        ExecutorService executor = events;
        if (target == null || executor == null || !"connected".equals(event) && !target.isStarted()) {
            return;
        }
        executor.execute(() -> {
            Exchange exchange = target.createExchange(false);
            exchange.getMessage().setHeader(EVENT, event);
            exchange.getMessage().setHeader(RECONNECT, reconnect);
            exchange.getMessage().setHeader(OFFLINE_SECONDS, offlineSeconds);
            exchange.getMessage().setBody(detail);
            target.getAsyncProcessor().process(exchange, doneSync -> {
                if (exchange.getException() != null) {
                    target.getExceptionHandler().handleException("Connection event " + event + " failed", exchange, exchange.getException());
                }
                target.releaseExchange(exchange, false);
            });
        });
    }

    private String remote() {
        return getConfiguration().getWebsocketURI().toString();
    }
}
