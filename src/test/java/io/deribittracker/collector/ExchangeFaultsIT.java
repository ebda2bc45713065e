package io.deribittracker.collector;

import static io.deribittracker.support.FakeDeribit.SERVER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.deribittracker.support.CollectorIntegrationTest;
import io.deribittracker.support.IndexPriceTable;
import io.deribittracker.support.IndexPriceTable.Row;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/** Faults injected into the stand-in Deribit, and what ends up in PostgreSQL. */
@ExtendWith(OutputCaptureExtension.class)
class ExchangeFaultsIT extends CollectorIntegrationTest {

    @Autowired
    CamelContext camel;

    @Autowired
    MeterRegistry meters;

    private double count(String counter, String... tags) {
        var found = meters.find(counter).tags(tags).counter();
        return found == null ? 0 : found.count();
    }

    IndexPriceTable table;

    @Autowired
    void table(JdbcTemplate jdbc) {
        this.table = new IndexPriceTable(jdbc);
    }

    private static boolean steady;

    /**
     * Once, before the first test: on a loaded machine a service that has just started can miss its first slots, and
     * an outage under way would absorb the lines and counts the tests look for. Two slots of both indices end it.
     */
    @BeforeEach
    void collectingSteadily() {
        if (!steady) {
            await().atMost(Duration.ofSeconds(30)).until(() -> !table.slotsSince("eth_usd", Instant.EPOCH).isEmpty());
            List<Instant> stored = table.slotsSince("eth_usd", Instant.EPOCH);
            awaitBothTickersCollectedSince(stored.get(stored.size() - 1).plusSeconds(1), 2);
            steady = true;
        }
    }

    @AfterEach
    void healServer() {
        SERVER.setUnanswered("btc_usd", false);
        SERVER.setSilent(false);
    }

    private static Instant nextSecond() {
        return Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
    }

    private void awaitBothTickersCollectedSince(Instant from, int slots) {
        await().atMost(Duration.ofSeconds(20)).until(() -> table.slotsSince("btc_usd", from).size() >= slots
                && table.slotsSince("eth_usd", from).size() >= slots);
    }

    @Test
    void aSlotTheWebSocketNeverAnswersIsFetchedOverHttp() {
        double fallbacks = count("deribit.tracker.http.fallbacks");
        double timeouts = count("deribit.tracker.replies.timed.out");
        SERVER.setUnanswered("btc_usd", true);
        // slots that begin after the fault is in place
        Instant from = nextSecond().plusSeconds(1);

        await().atMost(Duration.ofSeconds(15)).until(() ->
                table.rowsSince(from).stream().filter(r -> r.ticker().equals("btc_usd")).count() >= 3);

        List<Row> btc = table.rowsSince(from).stream().filter(r -> r.ticker().equals("btc_usd")).toList();
        assertThat(btc).extracting(Row::source).containsOnly("http");
        assertThat(SERVER.receivedMethods()).contains("http:public/get_index_price");
        assertThat(count("deribit.tracker.http.fallbacks")).isGreaterThanOrEqualTo(fallbacks + 3);
        // each fallback follows a timed-out WebSocket attempt (at a 1 s interval the slot has room for one)
        assertThat(count("deribit.tracker.replies.timed.out")).isGreaterThanOrEqualTo(timeouts + 3);
        // the WebSocket still serves the other index
        assertThat(table.rowsSince(from)).filteredOn(r -> r.ticker().equals("eth_usd"))
                .extracting(Row::source).contains("ws");
    }

    @Test
    void aMaintenanceErrorIsRetriedAndTheSlotStillStored() {
        Instant from = nextSecond();
        double maintenanceErrors = count("deribit.tracker.exchange.errors", "code", "11051");

        SERVER.failNext("eth_usd", 11051, 1);

        awaitBothTickersCollectedSince(from, 4);
        List<Instant> eth = table.slotsSince("eth_usd", from);
        assertThat(eth).containsAll(table.slotsSince("btc_usd", from).subList(0, 3));
        assertThat(count("deribit.tracker.exchange.errors", "code", "11051")).isEqualTo(maintenanceErrors + 1);
    }

    @Test
    void anErrorThatWouldRecurIsLoggedWithItsCodeAndNotRetried(CapturedOutput log) {
        // the error goes to the next eth request, which may be for a slot already under way: count from the
        // slot after the newest one stored, not from the clock
        List<Instant> stored = table.slotsSince("eth_usd", Instant.EPOCH);
        Instant from = stored.get(stored.size() - 1).plusSeconds(1);

        SERVER.clearReceived();
        SERVER.failNext("eth_usd", -32602, 1);

        awaitBothTickersCollectedSince(from, 5);
        await().atMost(Duration.ofSeconds(5)).until(() -> log.getOut().contains("error -32602"));
        assertThat(log.getOut().lines().filter(l -> l.contains("error -32602"))).singleElement().asString()
                .contains("Collection failing");
        assertThat(SERVER.receivedMethods()).as("not asked again over HTTP").doesNotContain("http:public/get_index_price");
        // exactly one eth slot is missing (compared where both tickers are complete), and no HTTP fallback was
        // tried for it
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<Instant> btc = table.slotsSince("btc_usd", from);
            List<Instant> eth = table.slotsSince("eth_usd", from);
            Instant end = btc.get(btc.size() - 1).isBefore(eth.get(eth.size() - 1)) ? btc.get(btc.size() - 1) : eth.get(eth.size() - 1);
            List<Instant> missing = btc.stream().filter(slot -> !slot.isAfter(end) && !eth.contains(slot)).toList();
            assertThat(missing).hasSize(1);
        });
    }

    @Test
    void framesThatAreNotJsonOrCarryNoIdAreLoggedAndIgnored(CapturedOutput log) {
        int connections = SERVER.connectionCount();

        SERVER.sendToAll("this is not json");
        SERVER.sendToAll("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32600,\"message\":\"request entity too large\"}}");

        await().atMost(Duration.ofSeconds(5)).until(() -> log.getOut().contains("not JSON")
                && log.getOut().contains("request entity too large"));
        Instant after = nextSecond();
        awaitBothTickersCollectedSince(after, 2);
        assertThat(SERVER.connectionCount()).isEqualTo(connections);
        assertThat(camel.getRouteController().getRouteStatus("deribit-inbound")).isEqualTo(ServiceStatus.Started);
    }

    @Test
    void aSilentSocketIsReplacedByTheWatchdogWhileHttpKeepsTheSlotsComing() {
        await().atMost(Duration.ofSeconds(10)).until(() -> SERVER.openConnections() == 1);
        int connections = SERVER.connectionCount();
        Instant from = nextSecond();

        SERVER.setSilent(true);

        await().atMost(Duration.ofSeconds(10)).until(() -> SERVER.connectionCount() > connections);
        SERVER.setSilent(false);
        // no slot lost meanwhile: the ones the silent socket failed were fetched over HTTP (they land late)
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(table.slotsSince("btc_usd", from))
                .startsWith(from, from.plusSeconds(1), from.plusSeconds(2), from.plusSeconds(3), from.plusSeconds(4)));
        await().atMost(Duration.ofSeconds(10)).until(() -> SERVER.openConnections() == 1);
    }

    @Test
    void refusedConnectionsAreRetriedWithOneLogLinePerStateChange(CapturedOutput log) {
        await().atMost(Duration.ofSeconds(10)).until(() -> SERVER.openConnections() == 1);
        int connections = SERVER.connectionCount();
        int logLength = log.getOut().length();
        double reconnects = count("deribit.tracker.reconnects");

        SERVER.stop();
        // refused for a while: let several slots fail (HTTP is down too), and so several reconnect attempts
        await().atMost(Duration.ofSeconds(20)).until(() -> log.getOut().substring(logLength).contains("Collection failing"));
        Instant failingSince = Instant.now();
        await().atMost(Duration.ofSeconds(20)).until(() -> Instant.now().isAfter(failingSince.plusSeconds(4)));
        SERVER.restart();

        await().atMost(Duration.ofSeconds(20)).until(() -> SERVER.connectionCount() > connections);
        Instant after = nextSecond();
        awaitBothTickersCollectedSince(after, 2);
        String outage = log.getOut().substring(logLength);
        assertThat(outage.lines().filter(l -> l.contains("Cannot connect to Deribit"))).hasSize(1);
        assertThat(outage.lines().filter(l -> l.contains("closed; reconnecting with backoff"))).hasSize(1);
        assertThat(outage.lines().filter(l -> l.contains("reconnected to"))).hasSize(1);
        assertThat(outage.lines().filter(l -> l.contains("Collection failing"))).hasSize(1);
        assertThat(outage.lines().filter(l -> l.contains("Collection recovered"))).hasSize(1);
        assertThat(SERVER.openConnections()).isEqualTo(1);
        assertThat(count("deribit.tracker.reconnects")).isEqualTo(reconnects + 1);
    }
}
