package io.deribittracker.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.deribittracker.support.ServiceInstance;
import io.deribittracker.support.StubDeribit;
import io.deribittracker.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every attempt of a slot ends inside the slot, and what one index does never delays another: a service collecting
 * every 2 s (COLLECTOR_INTERVAL=2s) from a stand-in Deribit of its own, into a real PostgreSQL.
 */
@ExtendWith(OutputCaptureExtension.class)
class SlotDeadlineIT {

    private static final Duration INTERVAL = Duration.ofSeconds(2);

    private StubDeribit deribit;
    private ServiceInstance service;

    record StoredRow(String ticker, Instant slot, Instant observedAt, Instant insertedAt, String source) {
    }

    @BeforeEach
    void startDeribit() {
        deribit = new StubDeribit().start(0);
    }

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
        deribit.close();
    }

    private void startService(String indexNames, Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>(Map.of(
                "collector.interval", "2s",
                "collector.index-names", indexNames,
                // production's reply timeout: the slot's budget, not a short test setting, keeps attempts inside the slot
                "deribit.reply-timeout", "5s"));
        properties.putAll(extra);
        service = ServiceInstance.start(TestDatabase.url("slots"), deribit, properties);
    }

    private List<StoredRow> rows(String ticker, Instant from) {
        JdbcTemplate jdbc = service.jdbc();
        return jdbc.query("SELECT ticker, ts, observed_at, inserted_at, source FROM index_price WHERE ticker = ? AND ts >= ? ORDER BY ts",
                (rs, i) -> new StoredRow(rs.getString(1), rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4).toInstant(), rs.getString(5)),
                ticker, java.sql.Timestamp.from(from));
    }

    /** The slot boundary after the next one: far enough that the set-up made now is in place for it. */
    private static Instant aSlotAhead() {
        long interval = INTERVAL.toMillis();
        return Instant.ofEpochMilli((System.currentTimeMillis() / interval + 2) * interval);
    }

    private static List<Instant> consecutiveSlots(Instant from, int count) {
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> from.plus(INTERVAL.multipliedBy(i))).toList();
    }

    @Test
    void anIndexFailingEveryRequestNeverDelaysTheOthers() {
        deribit.setPrice("ada_usdc", "0.4123");
        // the failing index first: each tick hands it out before the healthy ones
        startService("ada_usdc,btc_usd,eth_usd", Map.of());
        await().atMost(Duration.ofSeconds(30)).until(() -> rows("eth_usd", Instant.EPOCH).size() >= 1);

        // a "not now" error, every time, over WebSocket and HTTP alike: retries, then the fallback, every slot
        deribit.failAlways("ada_usdc", 11051);
        Instant from = aSlotAhead();
        await().atMost(Duration.ofSeconds(30)).until(() -> rows("btc_usd", from).size() >= 6 && rows("eth_usd", from).size() >= 6);

        for (String ticker : List.of("btc_usd", "eth_usd")) {
            // every slot stored; the timing is judged from the second one on (the first runs the failing index's
            // error path for the first time in this JVM, and its first-call costs are not what this test is about)
            assertThat(rows(ticker, from).subList(0, 6)).extracting(StoredRow::slot).as(ticker)
                    .containsExactlyElementsOf(consecutiveSlots(from, 6));
            List<StoredRow> rows = rows(ticker, from).subList(1, 6);
            assertThat(rows).as(ticker + ": stored within 250 ms of the slot's boundary").allSatisfy(row ->
                    assertThat(Duration.between(row.slot(), row.insertedAt())).isLessThanOrEqualTo(Duration.ofMillis(250)));
        }
        assertThat(rows("ada_usdc", from)).isEmpty();
        // the failing index was retried and asked over HTTP, every slot
        assertThat(deribit.receivedMethods()).contains("http:public/get_index_price");
    }

    @Test
    void aSilentSocketWithHttpUpLosesNoSlot() {
        startService("btc_usd,eth_usd", Map.of());
        await().atMost(Duration.ofSeconds(30)).until(() -> rows("eth_usd", Instant.EPOCH).size() >= 1);

        // the socket reads and never answers (no replies, no heartbeats); its watchdog is 75 s away
        deribit.setSilent(true);
        Instant from = aSlotAhead();
        await().atMost(Duration.ofSeconds(30)).until(() -> rows("btc_usd", from).size() >= 4 && rows("eth_usd", from).size() >= 4);

        for (String ticker : List.of("btc_usd", "eth_usd")) {
            List<StoredRow> rows = rows(ticker, from).subList(0, 4);
            assertThat(rows).extracting(StoredRow::slot).as(ticker).containsExactlyElementsOf(consecutiveSlots(from, 4));
            assertThat(rows).extracting(StoredRow::source).as(ticker).containsOnly("http");
            assertThat(rows).as(ticker + ": fetched inside its slot").allSatisfy(row ->
                    assertThat(row.observedAt()).isBefore(row.slot().plus(INTERVAL)));
        }
    }

    @Test
    void aReplySentAfterItsSlotIsNotStoredUnderIt() {
        startService("btc_usd,eth_usd", Map.of());
        await().atMost(Duration.ofSeconds(30)).until(() -> rows("eth_usd", Instant.EPOCH).size() >= 1);

        // btc: replies come at once but say Deribit sent them in a later slot (usOut 2.5 s after now)
        deribit.setSentTimeShift("btc_usd", Duration.ofMillis(2_500));
        // eth: replies are held back 2.5 s, longer than the slot, as by a queue somewhere between us
        deribit.setReplyDelay("eth_usd", Duration.ofMillis(2_500));
        Instant from = aSlotAhead();
        await().atMost(Duration.ofSeconds(30)).until(() -> rows("btc_usd", from).size() >= 3 && rows("eth_usd", from).size() >= 3);

        for (String ticker : List.of("btc_usd", "eth_usd")) {
            List<StoredRow> rows = rows(ticker, from);
            assertThat(rows).as(ticker + ": every row was sent inside its slot").allSatisfy(row -> {
                assertThat(row.observedAt()).isBefore(row.slot().plus(INTERVAL));
                assertThat(row.observedAt()).isAfterOrEqualTo(row.slot().minus(SlotBudget.CLOCK_TOLERANCE));
            });
            // the WebSocket's late replies were refused; HTTP saved the slots
            assertThat(rows).extracting(StoredRow::source).as(ticker).containsOnly("http");
        }
    }

    @Test
    void badPricesAreNeverStored(CapturedOutput log) {
        Map<String, String> bad = Map.of(
                "negative", "-12345.67",
                "zero", "0",
                "huge", "1e300",
                "tiny", "1e-400",
                "text", "\"abc\"",
                "nothing", "null");
        bad.forEach(deribit::setRawPrice);
        startService("btc_usd," + String.join(",", bad.keySet()), Map.of());

        Instant from = aSlotAhead();
        await().atMost(Duration.ofSeconds(30)).until(() -> rows("btc_usd", from).size() >= 3);

        bad.keySet().forEach(index -> assertThat(rows(index, Instant.EPOCH)).as(index).isEmpty());
        // each refused with its value in a WARN line, over the WebSocket and again over HTTP
        for (String rendered : List.of("index_price -12345.67", "index_price 0 ", "index_price 1E+300", "index_price 1E-400",
                "index_price \"abc\"", "index_price null")) {
            assertThat(log.getOut().lines().filter(l -> l.contains(" WARN ") && l.contains(rendered))).as(rendered).hasSizeGreaterThanOrEqualTo(2);
        }
        assertThat(deribit.receivedMethods()).contains("http:public/get_index_price");
    }
}
