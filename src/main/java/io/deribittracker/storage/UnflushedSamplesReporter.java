package io.deribittracker.storage;

import java.util.List;
import java.util.concurrent.BlockingQueue;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.seda.SedaEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The one loss a graceful shutdown cannot prevent: samples still queued for a database that stayed unreachable
 * until Camel's shutdown timeout. They are gone with the JVM, so they are named in an ERROR line rather than
 * dropped in silence. Runs after Camel has stopped (the lowest lifecycle phase stops last).
 */
@Component
public class UnflushedSamplesReporter implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(UnflushedSamplesReporter.class);

    // looked up when needed: a lifecycle bean's dependencies are started with it, and Camel must not start
    // before its routes are in place
    private final ObjectProvider<CamelContext> camel;
    private final String storeQueueUri;
    private volatile BlockingQueue<Exchange> storeQueue;
    private volatile boolean running;

    public UnflushedSamplesReporter(ObjectProvider<CamelContext> camel, @Value("${tracker.store.queue}") String storeQueueUri) {
        this.camel = camel;
        this.storeQueueUri = storeQueueUri;
    }

    /** Holds on to the queue itself: Camel forgets its queues when it stops, and that is when we look. */
    @EventListener(ApplicationReadyEvent.class)
    void rememberTheQueue() {
        storeQueue = camel.getObject().getEndpoint(storeQueueUri, SedaEndpoint.class).getQueue();
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        BlockingQueue<Exchange> queue = storeQueue;
        if (queue == null || queue.isEmpty()) {
            return;
        }
        List<Object> lost = queue.stream().map(exchange -> exchange.getMessage().getBody()).toList();
        LOG.error("{} collected samples could not be written before shutdown (database unreachable) and are LOST, "
                + "from {} to {}", lost.size(), lost.get(0), lost.get(lost.size() - 1));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MIN_VALUE;
    }
}
