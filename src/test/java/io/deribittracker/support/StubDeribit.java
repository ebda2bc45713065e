package io.deribittracker.support;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deribittracker.demo.FakeDeribitServer;
import io.vertx.core.http.ServerWebSocket;

/**
 * The demo's stand-in Deribit with the controls tests need: fixed prices, delayed, failed or missing replies, a
 * silent socket, dropped connections, trade history to serve or refuse, and a record of what arrived.
 * {@link #reset()} puts it back as new, so that one test class's settings never leak into the next.
 */
public class StubDeribit extends FakeDeribitServer {

    private static final int MAX_REMEMBERED = 10_000;
    private static final String HISTORY_METHOD = "public/get_last_trades_by_instrument_and_time";

    private final Map<String, BigDecimal> fixedPrices = new ConcurrentHashMap<>();
    private final Map<String, Duration> replyDelays = new ConcurrentHashMap<>();
    private final Queue<JsonNode> received = new ConcurrentLinkedQueue<>();
    private final Queue<Instant> historyArrivals = new ConcurrentLinkedQueue<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final Map<String, Deque<int[]>> scriptedErrors = new ConcurrentHashMap<>();
    private final Map<String, Deque<int[]>> historyErrors = new ConcurrentHashMap<>();
    private final Map<String, Integer> refusedHistory = new ConcurrentHashMap<>();
    /** Public trades per instrument, by time: what the history method serves. */
    private final Map<String, NavigableMap<Instant, BigDecimal>> trades = new ConcurrentHashMap<>();
    private final Set<String> unanswered = ConcurrentHashMap.newKeySet();
    private final Map<String, JsonNode> rawPrices = new ConcurrentHashMap<>();
    private final Map<String, Integer> failingAlways = new ConcurrentHashMap<>();
    private final Map<String, Duration> sentTimeShifts = new ConcurrentHashMap<>();
    private volatile boolean silent;

    @Override
    public StubDeribit start(int port) {
        super.start(port);
        return this;
    }

    /** Back to a fresh stub: no fixed prices, delays, scripted errors, trades or silence; nothing received. */
    public void reset() {
        fixedPrices.clear();
        replyDelays.clear();
        scriptedErrors.clear();
        historyErrors.clear();
        refusedHistory.clear();
        unanswered.clear();
        rawPrices.clear();
        failingAlways.clear();
        sentTimeShifts.clear();
        trades.clear();
        silent = false;
        received.clear();
        historyArrivals.clear();
    }

    @Override
    protected void accept(ServerWebSocket socket) {
        if ("/ws/api/v2".equals(socket.path())) {
            connections.incrementAndGet();
        }
        super.accept(socket);
    }

    @Override
    protected void onRequest(JsonNode request) {
        received.add(request);
        if (request.path("method").asText().endsWith(HISTORY_METHOD)) {
            historyArrivals.add(Instant.now());
        }
        while (received.size() > MAX_REMEMBERED) {
            received.poll();
        }
    }

    @Override
    protected boolean silent() {
        return silent;
    }

    @Override
    protected void answerIndexPrice(ServerWebSocket socket, JsonNode id, String index) {
        if (unanswered.contains(index)) {
            return;
        }
        Deque<int[]> errors = scriptedErrors.get(index);
        int[] scripted = errors == null ? null : errors.poll();
        ObjectNode reply = scripted == null ? indexPriceReply(id, index) : error(id, scripted[0], "scripted error " + scripted[0]);
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

    @Override
    protected ObjectNode indexPriceReply(JsonNode id, String index) {
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
        return super.indexPriceReply(id, index);
    }

    @Override
    protected BigDecimal nextPrice(String index) {
        BigDecimal fixed = index == null ? null : fixedPrices.get(index);
        return fixed != null ? fixed : super.nextPrice(index);
    }

    /** The history method, from the trades the test added, unless the test refused or scripted an error for it. */
    @Override
    protected ObjectNode otherMethod(JsonNode id, String method, JsonNode params) {
        if (!method.equals(HISTORY_METHOD)) {
            return super.otherMethod(id, method, params);
        }
        String instrument = params.path("instrument_name").asText();
        Integer refused = refusedHistory.get(instrument);
        if (refused != null) {
            return error(id, refused, "Invalid params");
        }
        Deque<int[]> errors = historyErrors.get(instrument);
        int[] scripted = errors == null ? null : errors.poll();
        return scripted != null ? error(id, scripted[0], "scripted error " + scripted[0]) : trades(id, instrument, params);
    }

    /**
     * Deribit's {@code get_last_trades_by_instrument_and_time}: {@code start_timestamp}, {@code end_timestamp} (ms,
     * inclusive), {@code count} (default 10, at most 1000), {@code sorting} (asc, desc).
     */
    private ObjectNode trades(JsonNode id, String instrument, JsonNode params) {
        NavigableMap<Instant, BigDecimal> book = trades.get(instrument);
        if (book == null) {
            return error(id, -32602, "Invalid params");
        }
        Instant start = Instant.ofEpochMilli(params.path("start_timestamp").asLong());
        Instant end = Instant.ofEpochMilli(params.path("end_timestamp").asLong());
        int count = Math.min(1000, Math.max(1, params.path("count").asInt(10)));
        NavigableMap<Instant, BigDecimal> range = book.subMap(start, true, end, true);
        if ("desc".equals(params.path("sorting").asText())) {
            range = range.descendingMap();
        }
        List<Map.Entry<Instant, BigDecimal>> page = range.entrySet().stream().limit(count).toList();
        ObjectNode result = json.createObjectNode();
        ArrayNode list = result.putArray("trades");
        page.forEach(trade -> list.addObject()
                .put("trade_id", instrument + "-" + trade.getKey().toEpochMilli())
                .put("instrument_name", instrument)
                .put("timestamp", trade.getKey().toEpochMilli())
                .put("index_price", trade.getValue())
                .put("price", trade.getValue())
                .put("mark_price", trade.getValue())
                .put("amount", 10)
                .put("direction", "buy")
                .put("tick_direction", 0)
                .put("trade_seq", trade.getKey().toEpochMilli()));
        result.put("has_more", range.size() > page.size());
        return result(id, result);
    }

    // ---- controls ------------------------------------------------------------------------------------------

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
        closeServer();
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

    /** How many trade-history requests for {@code instrument} arrived, over WebSocket and HTTP. */
    public long historyRequests(String instrument) {
        return received.stream().filter(r -> r.path("method").asText().endsWith(HISTORY_METHOD))
                .filter(r -> instrument.equals(r.path("params").path("instrument_name").asText(r.path("instrument_name").asText())))
                .count();
    }

    /** When each trade-history request arrived, in order, for every instrument. */
    public List<Instant> historyRequestTimes() {
        return List.copyOf(historyArrivals);
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

    /** A public trade of {@code instrument} at {@code time}, carrying this index price, for the history methods. */
    public void addTrade(String instrument, Instant time, String indexPrice) {
        trades.computeIfAbsent(instrument, i -> new ConcurrentSkipListMap<>()).put(time, new BigDecimal(indexPrice));
    }

    /** Every history request for {@code instrument} is answered with JSON-RPC error {@code code}. */
    public void refuseHistory(String instrument, int code) {
        refusedHistory.put(instrument, code);
    }

    /** The next {@code times} history requests for {@code instrument} are answered with error {@code code}. */
    public void failHistoryNext(String instrument, int code, int times) {
        Deque<int[]> errors = historyErrors.computeIfAbsent(instrument, i -> new ConcurrentLinkedDeque<>());
        for (int i = 0; i < times; i++) {
            errors.add(new int[] {code});
        }
    }
}
