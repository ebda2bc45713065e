package io.deribittracker.collector;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deribittracker.config.DeribitProperties;
import io.deribittracker.ops.CollectorMetrics;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.info.BuildProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * JSON-RPC 2.0 over the shared Deribit WebSocket: builds requests and pairs each reply with its request.
 * <p>
 * The WebSocket producer only writes; replies arrive on the separate consumer route, in any order and on
 * any thread. So each request gets a fresh id and a pending future, the route that sent it continues when
 * that future completes, and the consumer route completes it when a frame with the same id arrives. Nothing is paired by
 * arrival order, so a late or reordered reply can never be stored under the wrong ticker. The waiting is
 * done by {@link AwaitDeribitReply} without holding a thread.
 */
@Component("deribitRpc")
public class DeribitRpc {

    /** Header naming the id of the request an exchange sent. */
    public static final String REQUEST_ID = "DeribitRequestId";
    /** Header naming the JSON-RPC method an exchange sent. */
    public static final String METHOD = "DeribitMethod";
    /** Header carrying Deribit's {@code usOut} (µs since the epoch) of the reply. */
    public static final String US_OUT = "DeribitUsOut";

    private static final Logger LOG = LoggerFactory.getLogger(DeribitRpc.class);

    private final ObjectMapper json = DeribitJson.objectMapper();
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final Duration replyTimeout;
    private final Duration heartbeatInterval;
    private final String clientVersion;
    private final CollectorMetrics metrics;

    public DeribitRpc(DeribitProperties properties, ObjectProvider<BuildProperties> build, CollectorMetrics metrics) {
        this.metrics = metrics;
        this.replyTimeout = properties.replyTimeout();
        this.heartbeatInterval = properties.heartbeatInterval();
        BuildProperties buildProperties = build.getIfAvailable();
        this.clientVersion = buildProperties == null ? "dev" : buildProperties.getVersion();
    }

    /** Body becomes {@code public/get_index_price} for the exchange's {@code ticker} header. */
    public void prepareIndexPriceRequest(@Header("ticker") String ticker, Exchange exchange) {
        prepare(exchange, "public/get_index_price", Map.of("index_name", ticker));
    }

    /** Headers for the same request sent over HTTP GET, which needs no id. */
    public void prepareHttpIndexPriceRequest(@Header("ticker") String ticker, Exchange exchange) {
        exchange.getMessage().setHeader(METHOD, "public/get_index_price");
        exchange.getMessage().setHeader(Exchange.HTTP_METHOD, "GET");
        exchange.getMessage().setHeader(Exchange.HTTP_QUERY, "index_name=" + URLEncoder.encode(ticker, StandardCharsets.UTF_8));
        exchange.getMessage().setBody(null);
    }

    /** Body becomes {@code public/hello}, which introduces this client to Deribit on a new connection. */
    public void prepareHello(Exchange exchange) {
        prepare(exchange, "public/hello", Map.of("client_name", "deribit-tracker", "client_version", clientVersion));
    }

    /** Body becomes {@code public/set_heartbeat}: Deribit then proves the socket alive and asks us to. */
    public void prepareSetHeartbeat(Exchange exchange) {
        prepare(exchange, "public/set_heartbeat", Map.of("interval", heartbeatInterval.toSeconds()));
    }

    /**
     * Body becomes {@code public/test}, the required answer to a heartbeat {@code test_request}. Nobody waits
     * for its reply, so no pending future is registered; the reply is dropped on arrival.
     */
    public void prepareTestAnswer(Exchange exchange) {
        exchange.getMessage().setBody(request(ids.incrementAndGet(), "public/test", Map.of()));
    }

    private void prepare(Exchange exchange, String method, Map<String, Object> params) {
        long id = ids.incrementAndGet();
        pending.put(id, new CompletableFuture<>());
        // however the exchange ends (a write that failed before any wait began, for one), the id is released
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                forget(id);
            }
        });
        exchange.getMessage().setHeader(REQUEST_ID, id);
        exchange.getMessage().setHeader(METHOD, method);
        exchange.getMessage().setBody(request(id, method, params));
    }

    private String request(long id, String method, Map<String, Object> params) {
        ObjectNode request = json.createObjectNode()
                .put("jsonrpc", "2.0")
                .put("id", id)
                .put("method", method);
        request.set("params", json.valueToTree(params));
        return request.toString();
    }

    /** The reply to request {@code id}, once it arrives; fails if no such request is pending. */
    CompletableFuture<JsonNode> replyTo(long id) {
        CompletableFuture<JsonNode> reply = pending.get(id);
        return reply != null ? reply
                : CompletableFuture.failedFuture(new IllegalStateException("No request with id " + id + " is waiting for a reply"));
    }

    /**
     * Puts a reply frame on the exchange: the body becomes its {@code result}, Deribit's {@code usOut} a header.
     *
     * @throws DeribitRpcException if Deribit answered with an error object
     */
    public void applyReply(Exchange exchange, JsonNode frame) throws DeribitRpcException {
        JsonNode error = frame.get("error");
        if (error != null) {
            metrics.exchangeError(error.path("code").asInt());
            throw new DeribitRpcException(exchange.getMessage().getHeader(METHOD, String.class),
                    error.path("code").asInt(), error.path("message").asText());
        }
        exchange.getMessage().setBody(frame.get("result"));
        JsonNode usOut = frame.get("usOut");
        exchange.getMessage().setHeader(US_OUT, usOut == null ? null : usOut.asLong());
    }

    Duration replyTimeout() {
        return replyTimeout;
    }

    /** Forgets a request: nobody waits for its reply any more. */
    private void forget(long id) {
        pending.remove(id);
    }

    /** Reads a frame exactly: numbers keep every digit Deribit sent. */
    public JsonNode parse(String frame) throws JsonProcessingException {
        return json.readTree(frame);
    }

    /** Hands a reply frame to the request waiting for it. */
    public void completeReply(JsonNode frame) {
        long id = frame.path("id").asLong(-1);
        CompletableFuture<JsonNode> waiting = pending.get(id);
        if (waiting == null) {
            LOG.debug("Reply to id {} arrived after its request stopped waiting; ignored", id);
            return;
        }
        waiting.complete(frame);
    }

}
