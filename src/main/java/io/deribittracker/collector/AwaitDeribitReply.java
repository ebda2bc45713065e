package io.deribittracker.collector;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.deribittracker.ops.CollectorMetrics;
import org.apache.camel.AsyncCallback;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Exchange;
import org.apache.camel.support.AsyncProcessorSupport;
import org.springframework.stereotype.Component;

/**
 * Route step after a request is written to the WebSocket: the exchange continues when the reply with the
 * same id arrives (body: its {@code result}), or fails with {@link ReplyTimeoutException} or
 * {@link DeribitRpcException}.
 * <p>
 * Asynchronous on purpose. The WebSocket producer completes on Vert.x's event-loop thread, the same thread
 * that reads the replies; blocking it to wait would mean no reply could ever be read.
 */
@Component("awaitDeribitReply")
public class AwaitDeribitReply extends AsyncProcessorSupport implements CamelContextAware {

    private final DeribitRpc rpc;
    private final CollectorMetrics metrics;
    private CamelContext camelContext;
    private ExecutorService continuations;

    public AwaitDeribitReply(DeribitRpc rpc, CollectorMetrics metrics) {
        this.rpc = rpc;
        this.metrics = metrics;
    }

    /**
     * The exchange continues on a pool of its own: not on the thread that completed the reply (a Vert.x worker
     * reading frames) and not on the JDK's single timeout thread, because what follows (retries, the HTTP
     * fallback, a full queue) may block for seconds.
     */
    @Override
    protected void doStart() {
        continuations = camelContext.getExecutorServiceManager().newThreadPool(this, "DeribitReplies", 2, 16);
    }

    @Override
    protected void doStop() {
        camelContext.getExecutorServiceManager().shutdown(continuations);
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        long id = exchange.getMessage().getHeader(DeribitRpc.REQUEST_ID, Long.class);
        String method = exchange.getMessage().getHeader(DeribitRpc.METHOD, String.class);
        rpc.replyTo(id)
                .orTimeout(rpc.replyTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .whenCompleteAsync((frame, failure) -> {
                    try {
                        if (failure == null) {
                            rpc.applyReply(exchange, frame);
                        } else {
                            Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                            if (cause instanceof TimeoutException) {
                                metrics.replyTimedOut();
                                cause = new ReplyTimeoutException(method, id, rpc.replyTimeout());
                            }
                            exchange.setException(cause);
                        }
                    } catch (Exception e) {
                        exchange.setException(e);
                    } finally {
                        // the id itself is released when the exchange completes (see DeribitRpc#prepare)
                        callback.done(false);
                    }
                }, continuations);
        return false;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }
}
