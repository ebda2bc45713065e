package io.deribittracker.collector;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.deribittracker.ops.CollectorMetrics;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Follows the state of the Deribit connection: greets every new socket (route {@code deribit-session-open})
 * and writes one log line per change of state, not one per reconnect attempt.
 */
@Component
public class DeribitSession implements DeribitConnectionListener {

    static final String SESSION_OPEN = "direct:deribit-session-open";

    private static final Logger LOG = LoggerFactory.getLogger(DeribitSession.class);

    private final ObjectProvider<ProducerTemplate> producer;
    private final AtomicBoolean up = new AtomicBoolean();
    private final AtomicLong connections = new AtomicLong();
    private volatile long downSinceMillis = System.currentTimeMillis();

    private final CollectorMetrics metrics;

    public DeribitSession(ObjectProvider<ProducerTemplate> producer, CollectorMetrics metrics) {
        this.producer = producer;
        this.metrics = metrics;
    }

    @Override
    public void connected(String remote) {
        up.set(true);
        long count = connections.incrementAndGet();
        if (count == 1) {
            LOG.info("Deribit WebSocket connected to {}", remote);
        } else {
            metrics.reconnected();
            LOG.info("Deribit WebSocket reconnected to {} after {} s offline",
                    remote, (System.currentTimeMillis() - downSinceMillis) / 1000);
        }
        // asynchronous: the socket is handed to its caller only once this returns, and greeting it needs it
        producer.getObject().asyncSendBody(SESSION_OPEN, remote);
    }

    @Override
    public void disconnected(String remote) {
        if (up.compareAndSet(true, false)) {
            downSinceMillis = System.currentTimeMillis();
            LOG.warn("Deribit WebSocket to {} closed; reconnecting with backoff", remote);
        }
    }

    @Override
    public void connectFailed(int failuresInARow, Throwable cause, long retryInMillis) {
        if (failuresInARow == 1) {
            LOG.warn("Cannot connect to Deribit ({}); retrying with backoff (1 s doubling to 30 s) until it answers",
                    cause.toString());
        } else {
            LOG.debug("Connection attempt {} to Deribit failed ({}); next in {} ms", failuresInARow, cause, retryInMillis);
        }
    }
}
