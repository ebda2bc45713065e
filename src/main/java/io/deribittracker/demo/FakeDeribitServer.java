package io.deribittracker.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deribittracker.collector.DeribitJson;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;

/**
 * DEMO AID, NOT DERIBIT. A small local stand-in for Deribit's public JSON-RPC API, so that the collector can
 * be watched filling the database on a machine without internet, and tested against a real socket.
 * <p>
 * Speaks what the service uses: {@code public/get_index_price} (a random walk per index), {@code public/hello},
 * {@code public/set_heartbeat} (then a {@code test_request} every interval) and {@code public/test}, over a WebSocket
 * at {@code /ws/api/v2} and over HTTP GET at {@code /api/v2/public/<method>}. The demo has no history to serve (its
 * back-fill is off); the tests' subclass under src/test adds the history method and the tests' controls through the
 * protected methods below.
 */
public class FakeDeribitServer implements AutoCloseable {

    public static final String API_VERSION = "1.2.26-fake";

    private static final Map<String, BigDecimal> START_PRICES = Map.of(
            "btc_usd", new BigDecimal("91234.56"), "eth_usd", new BigDecimal("3012.34"));

    protected final ObjectMapper json = DeribitJson.objectMapper();
    protected final Vertx vertx = Vertx.vertx();
    protected final Set<ServerWebSocket> sockets = ConcurrentHashMap.newKeySet();
    private final Map<String, BigDecimal> prices = new ConcurrentHashMap<>(START_PRICES);
    private int port;
    private HttpServer server;

    /** Starts listening on 127.0.0.1; port 0 picks a free one. */
    public FakeDeribitServer start(int port) {
        this.port = port;
        return listen();
    }

    protected FakeDeribitServer listen() {
        server = vertx.createHttpServer()
                .webSocketHandler(this::accept)
                .requestHandler(this::http)
                .listen(port, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().join();
        port = server.actualPort();
        return this;
    }

    /** Stops listening (open connections stay until closed). */
    protected void closeServer() {
        server.close().toCompletionStage().toCompletableFuture().join();
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

    protected void accept(ServerWebSocket socket) {
        if (!"/ws/api/v2".equals(socket.path())) {
            socket.reject(404);
            return;
        }
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
        onRequest(request);
        if (silent()) {
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
                    if (!silent()) {
                        socket.writeTextMessage("{\"jsonrpc\":\"2.0\",\"method\":\"heartbeat\",\"params\":{\"type\":\"test_request\"}}");
                    }
                });
                socket.closeHandler(ignored -> {
                    sockets.remove(socket);
                    vertx.cancelTimer(timer);
                });
            }
            case "public/get_index_price" -> answerIndexPrice(socket, id, params.path("index_name").asText());
            default -> socket.writeTextMessage(otherMethod(id, method, params).toString());
        }
    }

    /** Answers one WebSocket {@code get_index_price}; the tests' subclass delays, fails or swallows it. */
    protected void answerIndexPrice(ServerWebSocket socket, JsonNode id, String index) {
        socket.writeTextMessage(indexPriceReply(id, index).toString());
    }

    private void http(HttpServerRequest request) {
        String method = request.path().startsWith("/api/v2/") ? request.path().substring("/api/v2/".length()) : "";
        ObjectNode params = json.createObjectNode();
        MultiMap query = request.params();
        query.names().forEach(name -> params.put(name, query.get(name)));
        onRequest(json.createObjectNode().put("method", "http:" + method).setAll(params));
        ObjectNode reply = switch (method) {
            case "public/get_index_price" -> indexPriceReply(null, request.getParam("index_name"));
            default -> otherMethod(null, method, params);
        };
        request.response().setStatusCode(reply.has("error") ? 400 : 200)
                .putHeader("Content-Type", "application/json").end(reply.toString());
    }

    /** Every request that arrives, before it is answered (HTTP ones as {@code {"method":"http:…", params…}}). */
    protected void onRequest(JsonNode request) {
    }

    /** While true the server reads but never writes. */
    protected boolean silent() {
        return false;
    }

    protected ObjectNode indexPriceReply(JsonNode id, String index) {
        BigDecimal price = nextPrice(index);
        if (price == null) {
            return error(id, -32602, "Invalid params");
        }
        ObjectNode result = json.createObjectNode();
        result.put("index_price", price);
        result.put("estimated_delivery_price", price);
        return result(id, result);
    }

    protected BigDecimal nextPrice(String index) {
        if (index == null) {
            return null;
        }
        // a random walk of up to 0.1 % a step, so the demo's numbers look like a market
        return prices.computeIfPresent(index, (name, last) -> last
                .multiply(BigDecimal.valueOf(1 + ThreadLocalRandom.current().nextGaussian() * 0.001))
                .setScale(2, RoundingMode.HALF_EVEN));
    }

    /** Any method not spoken above: Deribit's "Method not found"; the tests' subclass answers the history method. */
    protected ObjectNode otherMethod(JsonNode id, String method, JsonNode params) {
        return error(id, -32601, "Method not found");
    }

    protected ObjectNode result(JsonNode id, JsonNode result) {
        ObjectNode reply = envelope(id);
        reply.set("result", result);
        return reply;
    }

    protected ObjectNode error(JsonNode id, int code, String message) {
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

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }
}
