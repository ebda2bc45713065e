package io.deribittracker.collector;

import java.net.ConnectException;

import io.vertx.core.http.WebSocket;
import org.apache.camel.Exchange;
import org.apache.camel.component.vertx.websocket.VertxWebsocketComponent;
import org.apache.camel.component.vertx.websocket.VertxWebsocketConfiguration;
import org.apache.camel.component.vertx.websocket.VertxWebsocketEndpoint;

/**
 * The stock vertx-websocket client endpoint, plus what a long-lived exchange connection needs:
 * <ul>
 * <li>one socket at a time, opened only by the consumer (at start and by its reconnect timer), so its
 * reply handlers are on every socket a request is written to: the stock producer would otherwise dial a
 * socket of its own when it finds none, and the replies to it would go unread;</li>
 * <li>exponential backoff between failed attempts, whoever asks for the socket (the consumer's reconnect
 * timer just polls this endpoint, and is told "not yet" until the backoff has passed);</li>
 * <li>connect and disconnect events, so that every new connection is greeted with {@code public/hello} and
 * {@code public/set_heartbeat}.</li>
 * </ul>
 */
public class DeribitWebsocketEndpoint extends VertxWebsocketEndpoint {

    private final ReconnectBackoff backoff;
    private final DeribitConnectionListener listener;

    private WebSocket current;
    private int failuresInARow;
    private long nextAttemptAtMillis;

    public DeribitWebsocketEndpoint(String uri, VertxWebsocketComponent component, VertxWebsocketConfiguration configuration,
                                    ReconnectBackoff backoff, DeribitConnectionListener listener) {
        super(uri, component, configuration);
        this.backoff = backoff;
        this.listener = listener;
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
            listener.connectFailed(failuresInARow, e, delay);
            throw e;
        }
        current = socket;
        failuresInARow = 0;
        listener.connected(remote());
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
        // wait the first backoff step before redialling, so a server that drops us at once is not hammered
        nextAttemptAtMillis = System.currentTimeMillis() + backoff.delayAfter(1).toMillis();
        listener.disconnected(remote());
    }

    private String remote() {
        return getConfiguration().getWebsocketURI().toString();
    }
}
