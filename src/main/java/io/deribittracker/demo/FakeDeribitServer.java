package io.deribittracker.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deribittracker.collector.DeribitJson;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;

/**
 * DEMO AID, NOT DERIBIT. A small local stand-in for Deribit's public JSON-RPC API, so that the collector can
 * be watched filling the database on a machine without internet, and tested against a real socket.
 * <p>
 * Speaks what the collector uses: {@code public/get_index_price} (a random walk per index unless a price is
 * set), {@code public/hello}, {@code public/set_heartbeat} (then a {@code test_request} every interval),
 * {@code public/test}, over a WebSocket at {@code /ws/api/v2} and over HTTP GET at
 * {@code /api/v2/public/get_index_price}. Tests use its knobs to delay replies, drop connections and inspect
 * what the collector sent.
 */
public class FakeDeribitServer implements AutoCloseable {

    public static final String API_VERSION = "1.2.26-fake";

    private static final Map<String, BigDecimal> START_PRICES = Map.of(
            "btc_usd", new BigDecimal("91234.56"), "eth_usd", new BigDecimal("3012.34"));

    private final ObjectMapper json = DeribitJson.objectMapper();
    private final Vertx vertx = Vertx.vertx();
    private final Set<ServerWebSocket> sockets = ConcurrentHashMap.newKeySet();
    private final Map<String, BigDecimal> prices = new ConcurrentHashMap<>(START_PRICES);
    private final Map<String, BigDecimal> fixedPrices = new ConcurrentHashMap<>();
    private final Map<String, Duration> replyDelays = new ConcurrentHashMap<>();
    private static final int MAX_REMEMBERED = 10_000;

    private final Queue<JsonNode> received = new ConcurrentLinkedQueue<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final Map<String, Deque<int[]>> scriptedErrors = new ConcurrentHashMap<>();
    private final Set<String> unanswered = ConcurrentHashMap.newKeySet();
    private final Map<String, JsonNode> rawPrices = new ConcurrentHashMap<>();
    private final Map<String, Integer> failingAlways = new ConcurrentHashMap<>();
    private final Map<String, Duration> sentTimeShifts = new ConcurrentHashMap<>();
    private int port;
    private volatile boolean silent;
    private HttpServer server;

    /** Starts listening on 127.0.0.1; port 0 picks a free one. */
    public FakeDeribitServer start(int port) {
        this.port = port;
        return listen();
    }

    private FakeDeribitServer listen() {
        server = vertx.createHttpServer()
                .webSocketHandler(this::accept)
                .requestHandler(this::http)
                .listen(port, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().join();
        port = server.actualPort();
        return this;
    }

    public int port() {
        return port;
    }

    public String wsUrl() {
        return "ws://127.0.0.1:" + port() + "/ws/api/v2";
    }

    public String httpUrl() {
        return "http://127.0.0.1:" + port() + "/api/v2";
    }

    private void accept(ServerWebSocket socket) {
        if (!"/ws/api/v2".equals(socket.path())) {
            socket.reject(404);
            return;
        }
        connections.incrementAndGet();
        sockets.add(socket);
        socket.closeHandler(ignored -> sockets.remove(socket));
        socket.textMessageHandler(frame -> onFrame(socket, frame));
    }

    private void onFrame(ServerWebSocket socket, String frame) {
        JsonNode request;
        try {
            request = json.readTree(frame);
        } catch (Exception e) {
            socket.writeTextMessage(error(null, -32700, "Parse error").toString());
            return;
        }
        remember(request);
        if (silent) {
            return;
        }
        JsonNode id = request.get("id");
        String method = request.path("method").asText();
        JsonNode params = request.path("params");
        switch (method) {
            case "public/hello", "public/test" -> socket.writeTextMessage(result(id, json.createObjectNode().put("version", API_VERSION)).toString());
            case "public/set_heartbeat" -> {
                socket.writeTextMessage(result(id, json.getNodeFactory().textNode("ok")).toString());
                long every = Math.max(1, params.path("interval").asLong(30)) * 1000;
                long timer = vertx.setPeriodic(every, t -> {
                    if (!silent) {
                        socket.writeTextMessage("{\"jsonrpc\":\"2.0\",\"method\":\"heartbeat\",\"params\":{\"type\":\"test_request\"}}");
                    }
                });
                socket.closeHandler(ignored -> {
                    sockets.remove(socket);
                    vertx.cancelTimer(timer);
                });
            }
            case "public/get_index_price" -> {
                String index = params.path("index_name").asText();
                if (unanswered.contains(index)) {
                    return;
                }
                int[] scripted = nextScriptedError(index);
                ObjectNode reply = scripted == null ? indexPriceReply(id, index)
                        : error(id, scripted[0], "scripted error " + scripted[0]);
                Duration shift = sentTimeShifts.get(index);
                if (shift != null) {
                    reply.put("usOut", reply.path("usOut").asLong() + shift.toNanos() / 1000);
                }
                Duration delay = replyDelays.getOrDefault(index, Duration.ZERO);
                if (delay.isZero()) {
                    socket.writeTextMessage(reply.toString());
                } else {
                    vertx.setTimer(delay.toMillis(), t -> socket.writeTextMessage(reply.toString()));
                }
            }
            default -> socket.writeTextMessage(error(id, -32601, "Method not found").toString());
        }
    }

    private void http(HttpServerRequest request) {
        if (!"/api/v2/public/get_index_price".equals(request.path())) {
            request.response().setStatusCode(404).end();
            return;
        }
        ObjectNode reply = indexPriceReply(null, request.getParam("index_name"));
        remember(json.createObjectNode().put("method", "http:public/get_index_price")
                .put("index_name", request.getParam("index_name")));
        request.response().setStatusCode(reply.has("error") ? 400 : 200)
                .putHeader("Content-Type", "application/json").end(reply.toString());
    }

    /** Keeps the recent requests for tests to inspect; bounded, as the demo may run for days. */
    private void remember(JsonNode request) {
        received.add(request);
        while (received.size() > MAX_REMEMBERED) {
            received.poll();
        }
    }

    private ObjectNode indexPriceReply(JsonNode id, String index) {
        Integer failure = index == null ? null : failingAlways.get(index);
        if (failure != null) {
            return error(id, failure, "scripted error " + failure);
        }
        JsonNode raw = index == null ? null : rawPrices.get(index);
        if (raw != null) {
            ObjectNode result = json.createObjectNode();
            result.set("index_price", raw);
            return result(id, result);
        }
        BigDecimal price = nextPrice(index);
        if (price == null) {
            return error(id, -32602, "Invalid params");
        }
        ObjectNode result = json.createObjectNode();
        result.put("index_price", price);
        result.put("estimated_delivery_price", price);
        return result(id, result);
    }

    private BigDecimal nextPrice(String index) {
        if (index == null) {
            return null;
        }
        BigDecimal fixed = fixedPrices.get(index);
        if (fixed != null) {
            return fixed;
        }
        // a random walk of up to 0.1 % a step, so the demo's numbers look like a market
        return prices.computeIfPresent(index, (name, last) -> last
                .multiply(BigDecimal.valueOf(1 + ThreadLocalRandom.current().nextGaussian() * 0.001))
                .setScale(2, RoundingMode.HALF_EVEN));
    }

    private ObjectNode result(JsonNode id, JsonNode result) {
        ObjectNode reply = envelope(id);
        reply.set("result", result);
        return reply;
    }

    private ObjectNode error(JsonNode id, int code, String message) {
        ObjectNode reply = envelope(id);
        reply.putObject("error").put("code", code).put("message", message);
        return reply;
    }

    private ObjectNode envelope(JsonNode id) {
        ObjectNode reply = json.createObjectNode().put("jsonrpc", "2.0");
        if (id != null) {
            reply.set("id", id);
        }
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
        reply.put("usIn", micros).put("usOut", micros).put("usDiff", 0).put("testnet", true);
        return reply;
    }

    private int[] nextScriptedError(String index) {
        Deque<int[]> errors = scriptedErrors.get(index);
        return errors == null ? null : errors.poll();
    }

    // ---- knobs for tests ---------------------------------------------------------------------------------

    /** The next {@code times} WebSocket requests for {@code index} are answered with JSON-RPC error {@code code}. */
    public void failNext(String index, int code, int times) {
        Deque<int[]> errors = scriptedErrors.computeIfAbsent(index, i -> new ConcurrentLinkedDeque<>());
        for (int i = 0; i < times; i++) {
            errors.add(new int[] {code});
        }
    }

    /** Every request for {@code index}, over WebSocket and HTTP, is answered with error {@code code}; null stops it. */
    public void failAlways(String index, Integer code) {
        if (code == null) {
            failingAlways.remove(index);
        } else {
            failingAlways.put(index, code);
        }
    }

    /**
     * Replies for {@code index} (WebSocket and HTTP) carry this JSON text as {@code index_price}, verbatim
     * ({@code -1}, {@code 1e300}, {@code "abc"}, {@code null}); null goes back to the normal prices.
     */
    public void setRawPrice(String index, String jsonValue) {
        if (jsonValue == null) {
            rawPrices.remove(index);
            return;
        }
        try {
            rawPrices.put(index, json.readTree(jsonValue));
        } catch (Exception e) {
            throw new IllegalArgumentException(jsonValue, e);
        }
    }

    /** WebSocket replies for {@code index} claim to be sent this much later ({@code usOut}); zero stops it. */
    public void setSentTimeShift(String index, Duration shift) {
        if (shift.isZero()) {
            sentTimeShifts.remove(index);
        } else {
            sentTimeShifts.put(index, shift);
        }
    }

    /** While set, WebSocket requests for {@code index} get no reply at all (HTTP still answers). */
    public void setUnanswered(String index, boolean unanswered) {
        if (unanswered) {
            this.unanswered.add(index);
        } else {
            this.unanswered.remove(index);
        }
    }

    /** Stops listening and closes every connection: from now on connections are refused. */
    public void stop() {
        dropAllConnections();
        server.close().toCompletionStage().toCompletableFuture().join();
    }

    /** Listens again on the same port after {@link #stop()}. */
    public void restart() {
        listen();
    }

    /** How many {@code get_index_price} requests for {@code index} arrived, over WebSocket and HTTP. */
    public long indexPriceRequests(String index) {
        return received.stream().filter(r -> r.path("method").asText().endsWith("public/get_index_price"))
                .filter(r -> index.equals(r.path("params").path("index_name").asText(r.path("index_name").asText())))
                .count();
    }

    /** Every following reply for {@code index} carries exactly this price (its digits are kept). */
    public void setPrice(String index, String price) {
        fixedPrices.put(index, new BigDecimal(price));
    }

    /** Replies for {@code index} are held back this long. */
    public void setReplyDelay(String index, Duration delay) {
        replyDelays.put(index, delay);
    }

    /** While silent the server reads but never writes: no replies, no heartbeats (a half-dead socket). */
    public void setSilent(boolean silent) {
        this.silent = silent;
    }

    /** Sends a raw frame to every connected client. */
    public void sendToAll(String frame) {
        sockets.forEach(socket -> socket.writeTextMessage(frame));
    }

    /** Closes every open connection, as Deribit does during maintenance. */
    public void dropAllConnections() {
        sockets.forEach(ServerWebSocket::close);
    }

    /** Connections accepted since start. */
    public int connectionCount() {
        return connections.get();
    }

    public int openConnections() {
        return sockets.size();
    }

    /** The methods of the requests received, in order (the latest 10,000); HTTP ones are prefixed {@code http:}. */
    public List<String> receivedMethods() {
        return received.stream().map(r -> r.path("method").asText()).toList();
    }

    public void clearReceived() {
        received.clear();
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }
}
