package io.deribittracker.collector;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import io.deribittracker.ops.CollectorMetrics;
import jakarta.annotation.PreDestroy;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The requests on the shared WebSocket that wait for their reply, by JSON-RPC id.
 * <p>
 * The WebSocket producer only writes; replies arrive on the consumer route ({@code deribit-inbound}), in any order,
 * on any thread. So each request gets a fresh id ({@link #expect}), the route that sent it waits on
 * {@link #reply}, a {@link CompletableFuture} that camel-bean turns into an asynchronous continuation (no thread
 * is held while waiting), and {@code deribit-inbound} completes it ({@link #complete}) when a frame with that id
 * arrives. Nothing is paired by arrival order, so a reordered reply never lands under the wrong ticker.
 */
@Component("pendingReplies")
public class PendingReplies {

    /** Header naming the id of the request an exchange sent. */
    public static final String REQUEST_ID = "DeribitRequestId";
    /** Header naming the JSON-RPC method an exchange sent. */
    public static final String METHOD = "DeribitMethod";

    private static final Logger LOG = LoggerFactory.getLogger(PendingReplies.class);

    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final SlotBudget budget;
    private final CollectorMetrics metrics;
    /**
     * Where a route continues once its reply (or its timeout) is in: not on the Vert.x thread that read the reply,
     * nor on the JDK's single timeout thread, because what follows (the HTTP fallback) may block for a while.
     */
    private final ExecutorService continuations;

    public PendingReplies(SlotBudget budget, CollectorMetrics metrics) {
        this.budget = budget;
        this.metrics = metrics;
        AtomicInteger threads = new AtomicInteger();
        this.continuations = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "DeribitReplies-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Registers a request of {@code method} (header {@link #METHOD}) under a fresh id (header {@link #REQUEST_ID}),
     * before it is written, so
     * that even an instant reply finds it. The id is released however the exchange ends.
     */
    public void expect(@Header(METHOD) String method, Exchange exchange) {
        long id = ids.incrementAndGet();
        pending.put(id, new CompletableFuture<>());
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                pending.remove(id);
            }
        });
        exchange.getMessage().setHeader(REQUEST_ID, id);
    }

    /**
     * The reply frame to request {@code id}; fails with {@link ReplyTimeoutException} when it has not come within
     * the time the slot leaves ({@link SlotBudget#webSocketTimeLeft}).
     */
    public CompletableFuture<JsonNode> reply(@Header(REQUEST_ID) long id, @Header(METHOD) String method,
                                             @Header("slot") Instant slot) {
        CompletableFuture<JsonNode> reply = pending.get(id);
        if (reply == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("No request with id " + id + " is waiting for a reply"));
        }
        Duration timeout = budget.webSocketTimeLeft(slot);
        // completed directly (not a dependent stage), so the route sees the cause itself, not a CompletionException
        CompletableFuture<JsonNode> outcome = new CompletableFuture<>();
        reply.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).whenCompleteAsync((frame, failure) -> {
            if (failure == null) {
                outcome.complete(frame);
                return;
            }
            Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
            if (cause instanceof TimeoutException) {
                metrics.replyTimedOut();
                cause = new ReplyTimeoutException(method, id, timeout);
            }
            outcome.completeExceptionally(cause);
        }, continuations);
        return outcome;
    }

    /** Hands a reply frame to the request waiting for it; a reply nobody waits for any more is dropped. */
    public void complete(JsonNode frame) {
        long id = frame.path("id").asLong(-1);
        CompletableFuture<JsonNode> waiting = pending.get(id);
        if (waiting == null) {
            LOG.debug("Reply to id {} arrived after its request stopped waiting; ignored", id);
            return;
        }
        waiting.complete(frame);
    }

    @PreDestroy
    void stop() {
        continuations.shutdown();
    }
}
