package io.deribittracker.collector;

import static io.deribittracker.support.FakeDeribit.SERVER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.deribittracker.support.CollectorIntegrationTest;
import io.deribittracker.support.HttpTestClient;
import io.deribittracker.support.IndexPriceTable;
import io.deribittracker.support.IndexPriceTable.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The collector against the stand-in Deribit, with a one-second interval and the real database. */
class CollectorIT extends CollectorIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    IndexPriceTable table;

    @Autowired
    void table(JdbcTemplate jdbc) {
        this.table = new IndexPriceTable(jdbc);
    }

    @AfterEach
    void restoreServer() {
        SERVER.setReplyDelay("btc_usd", Duration.ZERO);
        SERVER.setReplyDelay("eth_usd", Duration.ZERO);
    }

    @Test
    void everySlotGetsOneRowPerTickerAlignedToTheSecondWithThePriceDeribitSent() {
        SERVER.setPrice("btc_usd", "91234.5678901234");
        SERVER.setPrice("eth_usd", "3012.30");
        Instant from = Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS);

        await().atMost(Duration.ofSeconds(15)).until(() -> table.slotsSince("eth_usd", from).size() >= 4
                && table.slotsSince("btc_usd", from).size() >= 4);

        Instant until = from.plusSeconds(3);
        // consecutive whole-second slots, no gap, nothing twice (a slot retried lands late: wait for the range)
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            for (String ticker : List.of("btc_usd", "eth_usd")) {
                assertThat(table.slotsSince(ticker, from)).as(ticker).startsWith(
                        from, from.plusSeconds(1), from.plusSeconds(2), until);
            }
        });
        List<Row> rows = table.rowsSince(from);
        assertThat(rows).allSatisfy(r -> assertThat(r.slot().getNano()).isZero());
        assertThat(rows).filteredOn(r -> r.ticker().equals("btc_usd"))
                .allSatisfy(r -> assertThat(r.price().toPlainString()).isEqualTo("91234.5678901234"));
        assertThat(rows).filteredOn(r -> r.ticker().equals("eth_usd"))
                .allSatisfy(r -> assertThat(r.price().toPlainString()).isEqualTo("3012.30"));
        assertThat(table.duplicates()).isEmpty();
    }

    @Test
    void aReplyOvertakenByTheOtherTickersReplyIsStillStoredUnderItsOwnTicker() {
        SERVER.setPrice("btc_usd", "90000.01");
        SERVER.setPrice("eth_usd", "3000.02");
        // btc is asked first but answered last, after eth's reply of the same slot
        SERVER.setReplyDelay("btc_usd", Duration.ofMillis(400));
        Instant from = Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS);

        await().atMost(Duration.ofSeconds(10)).until(() -> table.slotsSince("btc_usd", from).size() >= 3);

        List<Row> rows = table.rowsSince(from);
        assertThat(rows).filteredOn(r -> r.ticker().equals("btc_usd"))
                .allSatisfy(r -> assertThat(r.price()).isEqualByComparingTo(new BigDecimal("90000.01")));
        assertThat(rows).filteredOn(r -> r.ticker().equals("eth_usd"))
                .allSatisfy(r -> assertThat(r.price()).isEqualByComparingTo(new BigDecimal("3000.02")));
        assertThat(table.slotsSince("eth_usd", from)).containsAll(table.slotsSince("btc_usd", from));
    }

    @Test
    void aHeartbeatTestRequestIsAnsweredWithPublicTest() {
        await().atMost(Duration.ofSeconds(10)).until(() -> SERVER.openConnections() == 1);
        SERVER.clearReceived();

        SERVER.sendToAll("{\"jsonrpc\":\"2.0\",\"method\":\"heartbeat\",\"params\":{\"type\":\"test_request\"}}");

        await().atMost(Duration.ofSeconds(5)).until(() -> SERVER.receivedMethods().contains("public/test"));
    }

    @Test
    void aDroppedSocketIsReconnectedGreetedAgainAndCollectionResumes() {
        await().atMost(Duration.ofSeconds(10)).until(() -> SERVER.openConnections() == 1);
        int connectionsBefore = SERVER.connectionCount();
        SERVER.clearReceived();

        SERVER.dropAllConnections();

        await().atMost(Duration.ofSeconds(10)).until(() -> SERVER.connectionCount() > connectionsBefore);
        await().atMost(Duration.ofSeconds(5)).until(() ->
                SERVER.receivedMethods().containsAll(List.of("public/hello", "public/set_heartbeat")));
        List<String> methods = SERVER.receivedMethods();
        assertThat(methods.indexOf("public/hello")).isLessThan(methods.indexOf("public/set_heartbeat"));
        Instant afterReconnect = Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> table.slotsSince("btc_usd", afterReconnect).size() >= 2
                && table.slotsSince("eth_usd", afterReconnect).size() >= 2);
        assertThat(SERVER.openConnections()).isEqualTo(1);
    }

    /**
     * The replica that stores a slot serves it from /last within 250 ms of the insert: its kept answer is dropped by
     * the database's own notification of the commit, not left to expire (5 s). Measured from the row's inserted_at
     * to the first /last answer carrying it, asking every 10 ms.
     */
    @Test
    void theReplicaThatStoresASlotShowsItInLastWithin250Milliseconds() {
        HttpTestClient api = new HttpTestClient(port);
        Map<Long, Instant> firstSeen = new ConcurrentHashMap<>();
        Instant until = Instant.now().plusSeconds(5);
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(10)).until(() -> {
            firstSeen.putIfAbsent(HttpTestClient.json(api.get("/last?ticker=btc")).get("timestamp").asLong(), Instant.now());
            return Instant.now().isAfter(until);
        });

        long firstAsked = firstSeen.keySet().stream().mapToLong(Long::longValue).min().orElseThrow();
        List<Long> newSlots = firstSeen.keySet().stream().filter(slot -> slot > firstAsked).sorted().toList();
        assertThat(newSlots).as("slots stored while /last was asked").hasSizeGreaterThanOrEqualTo(3);
        for (long slot : newSlots) {
            Instant inserted = jdbc.queryForObject("SELECT inserted_at FROM index_price WHERE ticker = 'btc_usd' AND ts = to_timestamp(?)",
                    (rs, i) -> rs.getTimestamp(1).toInstant(), slot);
            assertThat(Duration.between(inserted, firstSeen.get(slot))).as("slot %d: insert to /last", slot)
                    .isLessThanOrEqualTo(Duration.ofMillis(250));
        }
    }
}
