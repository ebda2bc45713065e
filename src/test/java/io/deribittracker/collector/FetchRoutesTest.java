package io.deribittracker.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.channels.ClosedChannelException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.deribittracker.backfill.BackfillProperties;
import io.deribittracker.config.CollectorProperties;
import io.deribittracker.config.DeribitProperties;
import io.deribittracker.ops.CollectorMetrics;
import io.deribittracker.ops.DatabaseProbe;
import io.deribittracker.storage.Spool;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.http.HttpClosedException;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.info.BuildProperties;

/**
 * The branches of the fetch routes (collector.camel.yaml), in-process: the routes as written, their beans, and
 * AdviceWith in place of the WebSocket and HTTP endpoints. Deribit's answers are scripted per request; what reaches
 * the hand-off is a mock. The end-to-end paths (real socket, real database) are in the *IT classes.
 */
class FetchRoutesTest {

    // long enough that a slow test machine still has time for retries; the slot arithmetic itself is SlotBudgetTest's
    private static final Duration INTERVAL = Duration.ofSeconds(4);

    /** What the scripted exchange answers to one request. */
    private enum Answer { PRICE, RETRYABLE_ERROR, PERMANENT_ERROR, NOTHING, NEGATIVE_PRICE, SOCKET_CLOSED, CONNECTION_CLOSED }

    private DefaultCamelContext camel;
    private PendingReplies pending;
    private final Map<String, List<Answer>> webSocketScript = new ConcurrentHashMap<>();
    private final AtomicInteger webSocketRequests = new AtomicInteger();
    private final List<String> httpRequests = new CopyOnWriteArrayList<>();
    private volatile Instant httpAskedAt;
    private volatile boolean httpUp = true;

    @BeforeEach
    void startRoutes() throws Exception {
        camel = new DefaultCamelContext();
        Properties properties = new Properties();
        properties.put("collector.enabled", "true");
        properties.put("tracker.deribit.endpoint", "vertx-websocket:ws://127.0.0.1:9/ws/api/v2");
        properties.put("deribit.http-url", "http://127.0.0.1:9/api/v2");
        properties.put("deribit.retry-delay", "50");
        properties.put("deribit.rate-limit-retry-delay", "100");
        camel.getPropertiesComponent().setInitialProperties(properties);

        CollectorProperties collector = new CollectorProperties(List.of("btc_usd"), INTERVAL, true);
        DeribitProperties deribit = new DeribitProperties(URI.create("ws://127.0.0.1:9/ws/api/v2"), URI.create("http://127.0.0.1:9/api/v2"),
                Duration.ofSeconds(30), Duration.ofMillis(300), Duration.ofSeconds(75), Duration.ofSeconds(1), Duration.ofSeconds(30));
        SlotBudget budget = new SlotBudget(INTERVAL, deribit.replyTimeout(), 2, Clock.systemUTC());
        CollectorMetrics metrics = new CollectorMetrics(new SimpleMeterRegistry(), collector, new DatabaseProbe(null, collector, Duration.ofSeconds(5)),
                new Spool(java.nio.file.Path.of("target", "fetch-routes-test-spool"), 10));
        pending = new PendingReplies(budget, metrics);
        camel.getRegistry().bind("slotBudget", budget);
        camel.getRegistry().bind("pendingReplies", pending);
        camel.getRegistry().bind("jsonRpc", new JsonRpcCodec(deribit, new StaticListableBeanFactory().getBeanProvider(BuildProperties.class)));
        camel.getRegistry().bind("plausiblePrice", new PlausiblePrice(new BigDecimal("1e-8"), new BigDecimal("1e9")));
        camel.getRegistry().bind("collectionOutage", new CollectionOutage(Duration.ofMinutes(10),
                new BackfillProperties(Duration.ofHours(24), Duration.ofMinutes(10), 5, Duration.ofSeconds(10), List.of())));
        camel.getRegistry().bind("collectorMetrics", metrics);
        camel.getRegistry().bind("indexNames", List.of()); // no tick of its own: the test sends each fetch
        camel.getRegistry().bind("slotClock", new SlotClock(INTERVAL, Clock.systemUTC()));
        camel.getRegistry().bind("wallClockScheduler", new WallClockScheduler(new SlotClock(INTERVAL, Clock.systemUTC())));
        // the hand-off to storage (storage.camel.yaml's queue-sample) is where this test looks
        camel.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from("direct:queue-sample").routeId("queue-sample").to("mock:stored");
            }
        });
        PluginHelper.getRoutesLoader(camel).loadRoutes(ResourceHelper.resolveMandatoryResource(camel, "classpath:routes/collector.camel.yaml"));

        AdviceWith.adviceWith(camel, "deribit-request", route ->
                route.weaveByToString("to\\[\\{\\{tracker\\.deribit\\.endpoint.*").replace().process(this::answerOverWebSocket));
        AdviceWith.adviceWith(camel, "fetch-index-price-over-http", route ->
                route.weaveByToString("to\\[\\{\\{deribit\\.http-url.*").replace().process(this::answerOverHttp));
        camel.start();
    }

    @AfterEach
    void stopRoutes() {
        camel.stop();
        pending.stop();
    }

    private void answerOverWebSocket(Exchange exchange) throws Exception {
        webSocketRequests.incrementAndGet();
        String ticker = exchange.getMessage().getHeader("ticker", String.class);
        List<Answer> script = webSocketScript.getOrDefault(ticker, List.of(Answer.PRICE));
        Answer answer = script.size() > 1 ? script.remove(0) : script.get(0);
        if (answer == Answer.SOCKET_CLOSED || answer == Answer.CONNECTION_CLOSED) {
            // what camel-vertx-websocket throws when the socket closed under the request (a watchdog, a restart):
            // the cause is Netty's closed channel or Vert.x's closed connection, depending on where the write failed
            throw new CamelExecutionException("Sending message to WebSocket peer failed", exchange,
                    answer == Answer.SOCKET_CLOSED ? new ClosedChannelException() : new HttpClosedException("closed"));
        }
        long id = exchange.getMessage().getHeader(PendingReplies.REQUEST_ID, Long.class);
        String frame = switch (answer) {
            case PRICE -> frame(id, "{\"index_price\":91234.56}");
            case NEGATIVE_PRICE -> frame(id, "{\"index_price\":-12345.67}");
            case RETRYABLE_ERROR -> error(id, 11051);
            case PERMANENT_ERROR -> error(id, -32602);
            case NOTHING, SOCKET_CLOSED, CONNECTION_CLOSED -> null;
        };
        if (frame != null) {
            pending.complete(DeribitJson.objectMapper().readTree(frame));
        }
    }

    private void answerOverHttp(Exchange exchange) {
        httpRequests.add(exchange.getMessage().getHeader(Exchange.HTTP_QUERY, String.class));
        httpAskedAt = Instant.now();
        if (!httpUp) {
            throw new IllegalStateException("Connection refused");
        }
        exchange.getMessage().setBody(frame(null, "{\"index_price\":91234.57}"));
    }

    private static String frame(Long id, String result) {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
        return "{\"jsonrpc\":\"2.0\"," + (id == null ? "" : "\"id\":" + id + ",") + "\"result\":" + result
                + ",\"usIn\":" + micros + ",\"usOut\":" + micros + "}";
    }

    private static String error(long id, int code) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"error\":{\"code\":" + code + ",\"message\":\"scripted\"}}";
    }

    private void fetch(String ticker) {
        camel.createProducerTemplate().sendBodyAndHeaders("seda:fetch-index-price", null,
                Map.of("ticker", ticker, "slot", Instant.now().minusMillis(10)));
    }

    private MockEndpoint stored() {
        return camel.getEndpoint("mock:stored", MockEndpoint.class);
    }

    private List<IndexPriceSample> storedSamples() {
        return stored().getReceivedExchanges().stream().map(e -> e.getMessage().getBody(IndexPriceSample.class)).toList();
    }

    @Test
    void aPriceOverTheWebSocketIsHandedToStorage() throws Exception {
        stored().expectedMessageCount(1);
        fetch("btc_usd");
        stored().assertIsSatisfied(5_000);
        assertThat(storedSamples()).singleElement().satisfies(sample -> {
            assertThat(sample.source()).isEqualTo("ws");
            assertThat(sample.price()).isEqualByComparingTo("91234.56");
        });
        assertThat(httpRequests).isEmpty();
    }

    @Test
    void aRetryableErrorIsRetriedOnTheWebSocket() throws Exception {
        webSocketScript.put("btc_usd", new CopyOnWriteArrayList<>(List.of(Answer.RETRYABLE_ERROR, Answer.PRICE)));
        stored().expectedMessageCount(1);
        fetch("btc_usd");
        stored().assertIsSatisfied(5_000);
        assertThat(storedSamples()).extracting(IndexPriceSample::source).containsExactly("ws");
        assertThat(webSocketRequests).hasValue(2);
        assertThat(httpRequests).isEmpty();
    }

    @Test
    void aPermanentErrorIsNeitherRetriedNorAskedOverHttp() {
        webSocketScript.put("btc_usd", new CopyOnWriteArrayList<>(List.of(Answer.PERMANENT_ERROR)));
        fetch("btc_usd");
        await().atMost(Duration.ofSeconds(5)).until(() -> camel.getInflightRepository().size() == 0 && webSocketRequests.get() == 1);
        assertThat(webSocketRequests).hasValue(1);
        assertThat(httpRequests).isEmpty();
        assertThat(stored().getReceivedCounter()).isZero();
    }

    @Test
    void noReplyInTimeGoesToHttpWithinTheSlot() throws Exception {
        webSocketScript.put("btc_usd", new CopyOnWriteArrayList<>(List.of(Answer.NOTHING)));
        stored().expectedMessageCount(1);
        fetch("btc_usd");
        stored().assertIsSatisfied(5_000);
        assertThat(storedSamples()).extracting(IndexPriceSample::source).containsExactly("http");
        assertThat(httpRequests).containsExactly("index_name=btc_usd");
        // the reply timeout is 300 ms, the WebSocket's share of a 4 s slot 3.5 s: the first attempt and the two
        // retries allowed (deribit.max-retries), then HTTP
        assertThat(webSocketRequests).hasValue(3);
        // asked over HTTP once the WebSocket's share was used up, before the next slot
        Instant slot = stored().getReceivedExchanges().get(0).getMessage().getHeader("slot", Instant.class);
        assertThat(httpAskedAt).isBefore(slot.plus(INTERVAL));
    }

    @ParameterizedTest
    @EnumSource(value = Answer.class, names = {"SOCKET_CLOSED", "CONNECTION_CLOSED"})
    void aSocketClosedUnderTheRequestIsRetriedThenAskedOverHttp(Answer closed) throws Exception {
        webSocketScript.put("btc_usd", new CopyOnWriteArrayList<>(List.of(closed)));
        stored().expectedMessageCount(1);
        fetch("btc_usd");
        stored().assertIsSatisfied(5_000);
        assertThat(storedSamples()).extracting(IndexPriceSample::source).containsExactly("http");
        assertThat(webSocketRequests.get()).isGreaterThan(1);
    }

    @Test
    void anImplausiblePriceIsRetriedThenAskedOverHttp() throws Exception {
        webSocketScript.put("btc_usd", new CopyOnWriteArrayList<>(List.of(Answer.NEGATIVE_PRICE)));
        stored().expectedMessageCount(1);
        fetch("btc_usd");
        stored().assertIsSatisfied(5_000);
        assertThat(storedSamples()).singleElement().satisfies(sample -> {
            assertThat(sample.source()).isEqualTo("http");
            assertThat(sample.price()).isEqualByComparingTo("91234.57");
        });
        assertThat(webSocketRequests.get()).isGreaterThan(1);
    }

    @Test
    void whenHttpFailsTooTheSlotIsMissedAndNothingIsStored() {
        webSocketScript.put("btc_usd", new CopyOnWriteArrayList<>(List.of(Answer.NOTHING)));
        httpUp = false;
        fetch("btc_usd");
        await().atMost(Duration.ofSeconds(5)).until(() -> httpRequests.size() == 1 && camel.getInflightRepository().size() == 0);
        assertThat(stored().getReceivedCounter()).isZero();
    }
}
