package io.deribittracker.backfill;

import static io.deribittracker.support.FakeDeribit.SERVER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.deribittracker.support.HttpTestClient;
import io.deribittracker.support.ServiceInstance;
import io.deribittracker.support.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Back-fill against the stub's trade history, 1 s slots (so a trade counts for a slot only within 500 ms of it).
 * For every second S of the stub's history there is a trade at S + 200 ms (the expected price) and a decoy at
 * S - 400 ms (further away, never chosen); every tenth second has neither, so nothing lies within half an interval.
 */
@ExtendWith(OutputCaptureExtension.class)
class BackfillIT {

    private static final String DATABASE = TestDatabase.url("backfill");

    private final JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(DATABASE, TestDatabase.username(), "", true));
    /** The price of the trade each slot should get: slot -> price. */
    private final Map<Instant, BigDecimal> expected = new HashMap<>();

    record Row(Instant slot, BigDecimal price, Instant observedAt, String source) {
    }

    @BeforeEach
    void freshStubAndTable() {
        SERVER.reset();
        if (Boolean.TRUE.equals(jdbc.queryForObject("SELECT to_regclass('index_price') IS NOT NULL", Boolean.class))) {
            jdbc.update("DELETE FROM index_price");
        }
    }

    private static Map<String, Object> backfillEveryMinute(String window) {
        return Map.of("backfill.window", window, "backfill.max-requests-per-second", 100, "backfill.rate-limit-pause", "300ms");
    }

    /** Trades for every second from {@code from} to {@code to}, on both perpetuals. */
    private void tradesBetween(Instant from, Instant to) {
        for (Instant slot = from.truncatedTo(ChronoUnit.SECONDS); !slot.isAfter(to); slot = slot.plusSeconds(1)) {
            if (slot.getEpochSecond() % 10 == 0) {
                continue;
            }
            String price = "1" + slot.getEpochSecond() % 100_000 + ".25";
            expected.put(slot, new BigDecimal(price));
            for (String instrument : List.of("BTC-PERPETUAL", "ETH-PERPETUAL")) {
                SERVER.addTrade(instrument, slot.plusMillis(200), price);
                SERVER.addTrade(instrument, slot.minusMillis(400), "999.99");
            }
        }
    }

    private List<Row> rows(String ticker) {
        return jdbc.query("SELECT ts, price, observed_at, source FROM index_price WHERE ticker = ? ORDER BY ts",
                (rs, i) -> new Row(rs.getTimestamp(1).toInstant(), rs.getBigDecimal(2),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant(), rs.getString(4)), ticker);
    }

    private static void awaitRun(CapturedOutput log, int runs) {
        await().atMost(Duration.ofSeconds(60)).until(() -> log.getOut().split("Back-fill of the last", -1).length > runs);
    }

    private void assertBackfilledFromTheNearestTrade(List<Row> rows) {
        for (Row row : rows) {
            if (row.source().equals("backfill")) {
                assertThat(expected).as("a trade within half an interval of " + row.slot()).containsKey(row.slot());
                assertThat(row.price()).as("price of slot " + row.slot()).isEqualByComparingTo(expected.get(row.slot()));
                assertThat(row.observedAt()).as("the trade's time").isEqualTo(row.slot().plusMillis(200));
                assertThat(Duration.between(row.slot(), row.observedAt()).abs()).isLessThanOrEqualTo(Duration.ofMillis(500));
            }
        }
    }

    @Test
    void aNewInstallFillsTheMinuteBeforeItStartedFromTheNearestTradeAndInventsNothing(CapturedOutput log) {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        tradesBetween(start.minusSeconds(90), start.plusSeconds(90));

        Map<String, Object> properties = new HashMap<>(backfillEveryMinute("60s"));
        // an admin, to read the collector's health details
        properties.put("admin.user", "backfill-admin");
        properties.put("admin.password", "Backfill-Pw-1");
        try (ServiceInstance service = ServiceInstance.start(DATABASE, SERVER, properties)) {
            // the run's window ends where it began, after the migrations: slots from here on are surely in it
            Instant windowSurelyFrom = Instant.now().minusSeconds(58);
            awaitRun(log, 1);

            for (String ticker : List.of("btc_usd", "eth_usd")) {
                List<Row> rows = rows(ticker);
                assertBackfilledFromTheNearestTrade(rows);
                Map<Instant, String> sources = new HashMap<>();
                rows.forEach(row -> sources.put(row.slot(), row.source()));
                for (Instant slot = windowSurelyFrom.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1); slot.isBefore(start.minusSeconds(1));
                     slot = slot.plusSeconds(1)) {
                    if (expected.containsKey(slot)) {
                        assertThat(sources.get(slot)).as(ticker + " " + slot).isEqualTo("backfill");
                    } else {
                        assertThat(sources).as("no trade within half an interval of " + slot + ": left missing").doesNotContainKey(slot);
                    }
                }
                assertThat(rows).as("nothing older than the window").allMatch(row -> !row.slot().isBefore(start.minusSeconds(61)));
            }
            MeterRegistry meters = service.bean(MeterRegistry.class);
            assertThat(meters.get("deribit.tracker.backfill.slots").tags("ticker", "btc_usd", "outcome", "filled").counter().count())
                    .isGreaterThanOrEqualTo(50);
            assertThat(meters.get("deribit.tracker.backfill.slots").tags("ticker", "btc_usd", "outcome", "unavailable").counter().count())
                    .isGreaterThanOrEqualTo(5);
            int left = service.bean(BackfillStatus.class).missingSlots().get("btc_usd");
            assertThat(left).as("every tenth slot has no trade near enough").isGreaterThanOrEqualTo(5);
            JsonNode health = HttpTestClient.json(new HttpTestClient(service.managementPort())
                    .as("backfill-admin", "Backfill-Pw-1").get("/actuator/health"));
            assertThat(health.at("/components/collector/details/missingSlots/btc_usd").asInt()).as("health's missing count").isEqualTo(left);
            assertThat(log.getOut()).containsPattern("Back-fill of the last 1m: btc_usd missing \\d+, filled \\d+, left " + left + "; eth_usd missing");
        }
    }

    @Test
    void aGapWhileTheServiceWasStoppedIsBackFilledAndLiveRowsAreKept(CapturedOutput log) {
        Instant begin = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        tradesBetween(begin.minusSeconds(5), begin.plusSeconds(60));
        Instant stopped;
        try (ServiceInstance service = ServiceInstance.start(DATABASE, SERVER, backfillEveryMinute("2s"))) {
            await().atMost(Duration.ofSeconds(15)).until(() -> rows("eth_usd").stream().filter(r -> r.source().equals("ws")).count() >= 3);
            stopped = Instant.now();
        }
        await().atLeast(Duration.ZERO).pollDelay(Duration.ofSeconds(5)).until(() -> true);
        List<Row> liveBefore = rows("btc_usd").stream().filter(r -> r.source().equals("ws")).toList();

        Instant restarted = Instant.now();
        try (ServiceInstance service = ServiceInstance.start(DATABASE, SERVER, backfillEveryMinute("60s"))) {
            awaitRun(log, 2);
            List<Row> rows = rows("btc_usd");
            assertBackfilledFromTheNearestTrade(rows);
            assertThat(rows).as("live rows stay live").containsAll(liveBefore);
            List<Instant> gap = rows.stream().filter(r -> r.slot().isAfter(stopped.plusSeconds(1)) && r.slot().isBefore(restarted.minusSeconds(1)))
                    .map(Row::slot).toList();
            long fillable = expected.keySet().stream().filter(s -> s.isAfter(stopped.plusSeconds(1)) && s.isBefore(restarted.minusSeconds(1))).count();
            assertThat(gap).as("the gap of about 5 s").hasSizeGreaterThanOrEqualTo((int) fillable).isNotEmpty();
            assertThat(rows.stream().filter(r -> gap.contains(r.slot()))).allMatch(r -> r.source().equals("backfill"));
        }
    }

    @Test
    void historyRefusedForOneIndexIsReportedOnceAndNothingIsInvented(CapturedOutput log) {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        tradesBetween(start.minusSeconds(40), start.plusSeconds(90));
        SERVER.refuseHistory("ETH-PERPETUAL", -32602);
        // and one rate-limit refusal for btc: a pause, then the same request again
        SERVER.failHistoryNext("BTC-PERPETUAL", 10028, 1);

        try (ServiceInstance service = ServiceInstance.start(DATABASE, SERVER, backfillEveryMinute("30s"))) {
            awaitRun(log, 1);

            assertThat(SERVER.historyRequests("ETH-PERPETUAL")).as("asked once, then skipped for the run").isEqualTo(1);
            assertThat(rows("eth_usd")).noneMatch(r -> r.source().equals("backfill"));
            assertThat(rows("btc_usd")).filteredOn(r -> r.source().equals("backfill")).hasSizeGreaterThanOrEqualTo(20);
            assertBackfilledFromTheNearestTrade(rows("btc_usd"));
            assertThat(log.getOut()).contains("Deribit refused the history of eth_usd (ETH-PERPETUAL): -32602 Invalid params")
                    .containsPattern("eth_usd missing (\\d+), filled 0, left \\1 \\(history refused: -32602");
        }
    }

    @Test
    void aRunKeepsToFiveRequestsASecondAndNoLiveSampleWaitsForIt(CapturedOutput log) {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        tradesBetween(start.minusSeconds(30), start.plusSeconds(90));

        // the default rate; 10 s of missing slots, two indices, two requests a slot: a run of about 8 s
        try (ServiceInstance service = ServiceInstance.start(DATABASE, SERVER, Map.of("backfill.window", "10s"))) {
            awaitRun(log, 1);

            List<Instant> requests = SERVER.historyRequestTimes();
            assertThat(requests).as("history requests of the run").hasSizeGreaterThanOrEqualTo(30);

            // the slots that began and ended while the run was fetching were taken live and stored on time
            Instant runFrom = requests.get(0);
            Instant runTo = requests.get(requests.size() - 1);
            for (String ticker : List.of("btc_usd", "eth_usd")) {
                // but the service's very first sample, which pays a new JVM's first-use costs (up to 630 ms seen)
                Instant firstLive = rows(ticker).stream().filter(r -> r.source().equals("ws")).map(Row::slot).findFirst().orElseThrow();
                List<Row> during = rows(ticker).stream().filter(r -> r.slot().isAfter(runFrom) && r.slot().plusSeconds(1).isBefore(runTo))
                        .filter(r -> !r.slot().equals(firstLive)).toList();
                assertThat(during).as(ticker + " slots during the run").hasSizeGreaterThanOrEqualTo(3);
                assertThat(during).as(ticker + ": live, fetched at its slot").allSatisfy(row -> {
                    assertThat(row.source()).isEqualTo("ws");
                    assertThat(Duration.between(row.slot(), row.observedAt())).isLessThan(Duration.ofMillis(250));
                });
                assertThat(insertedWithin(ticker, runFrom, runTo)).as(ticker + ": stored within 250 ms of the slot").isTrue();
            }

            for (int i = 5; i < requests.size(); i++) {
                // any six consecutive requests span about a second or more: they leave at most five a second, and
                // arrive with their own latencies (a new connection, a cold JVM), hence 200 ms of slack
                assertThat(Duration.between(requests.get(i - 5), requests.get(i))).as("requests %d to %d", i - 5, i)
                        .isGreaterThanOrEqualTo(Duration.ofMillis(800));
            }

            assertThat(Duration.between(requests.get(0), requests.get(requests.size() - 1)))
                    .as("%d requests at five a second at most", requests.size())
                    .isGreaterThanOrEqualTo(Duration.ofMillis(200L * (requests.size() - 6)));
        }
    }

    private boolean insertedWithin(String ticker, Instant from, Instant to) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT bool_and(inserted_at - ts <= interval '250 milliseconds') FROM index_price "
                + "WHERE ticker = ? AND source = 'ws' AND ts > ? AND ts + interval '1 second' < ? "
                + "AND ts > (SELECT min(ts) FROM index_price WHERE ticker = ? AND source = 'ws')", Boolean.class,
                ticker, java.sql.Timestamp.from(from), java.sql.Timestamp.from(to), ticker));
    }

    @Test
    void aReconnectStartsARunThatFillsTheOutage(CapturedOutput log) {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        tradesBetween(start.minusSeconds(30), start.plusSeconds(90));
        Map<String, Object> properties = new HashMap<>(backfillEveryMinute("30s"));
        // the next scheduled run is 10 minutes away: only the reconnect can start the second one
        properties.put("backfill.every", "10m");
        properties.put("deribit.reconnect-delay", "200ms");
        properties.put("deribit.reconnect-max-delay", "500ms");

        try (ServiceInstance service = ServiceInstance.start(DATABASE, SERVER, properties)) {
            awaitRun(log, 1);
            await().atMost(Duration.ofSeconds(10)).until(() -> rows("btc_usd").stream().anyMatch(r -> r.slot().isAfter(Instant.now().minusSeconds(2))));

            // Deribit's maintenance: socket and HTTP gone for about 4 s, so live collection misses those slots
            SERVER.stop();
            Instant down = Instant.now();
            await().pollDelay(Duration.ofSeconds(4)).until(() -> true);
            SERVER.restart();
            Instant up = Instant.now();

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(log.getOut()).contains("Deribit WebSocket reconnected"));
            awaitRun(log, 2);
            List<Row> rows = rows("btc_usd");
            assertBackfilledFromTheNearestTrade(rows);
            List<Row> outage = rows.stream().filter(r -> r.slot().isAfter(down.plusSeconds(1)) && r.slot().isBefore(up.minusSeconds(1))).toList();
            assertThat(outage).as("slots of the outage, filled by the run the reconnect started").isNotEmpty()
                    .allMatch(r -> r.source().equals("backfill"));
        }
    }
}
