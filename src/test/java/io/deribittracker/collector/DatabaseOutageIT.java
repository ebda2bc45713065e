package io.deribittracker.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.deribittracker.support.IndexPriceTable;
import io.deribittracker.support.ServiceInstance;
import io.deribittracker.support.StubDeribit;
import io.micrometer.core.instrument.MeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * PostgreSQL goes away while the exchange keeps answering. An embedded PostgreSQL is used because a test can
 * stop it and start it again on the same port and data directory, like a database restart.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseOutageIT {

    private Path dataDirectory;
    private int port;
    private EmbeddedPostgres postgres;
    private StubDeribit deribit;

    @BeforeEach
    void startDatabase() throws IOException {
        dataDirectory = Files.createTempDirectory("outage-pg");
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        postgres = startPostgres();
        deribit = new StubDeribit().start(0);
    }

    @AfterEach
    void stopDatabase() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
        deribit.close();
    }

    private EmbeddedPostgres startPostgres() throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false).setPort(port).start();
    }

    private String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    private IndexPriceTable table() {
        return new IndexPriceTable(new JdbcTemplate(new SingleConnectionDataSource(jdbcUrl(), "postgres", "", true)));
    }

    /** Waits while the collector fetches at least {@code slots} more slots of btc_usd from Deribit. */
    private void awaitFetchedSlots(int slots) {
        long before = deribit.indexPriceRequests("btc_usd");
        await().atMost(Duration.ofSeconds(30)).until(() -> deribit.indexPriceRequests("btc_usd") >= before + slots);
    }

    private static void assertEverySlotStoredOnce(IndexPriceTable table, Instant from, Instant to) {
        for (String ticker : List.of("btc_usd", "eth_usd")) {
            List<Instant> slots = table.slotsSince(ticker, from).stream().filter(s -> !s.isAfter(to)).toList();
            assertThat(slots).as(ticker).first().isEqualTo(from);
            assertThat(slots).as(ticker).last().isEqualTo(to);
            assertThat(slots).as("one row per second for " + ticker)
                    .hasSize((int) Duration.between(from, to).toSeconds() + 1);
        }
        assertThat(table.duplicates()).isEmpty();
    }

    @Test
    void samplesCollectedWhileTheDatabaseIsDownAreStoredInOrderAndAtTheThrottledPaceWhenItReturns(CapturedOutput log) throws IOException {
        // four inserts a second: above the live pace (two indices a second), below what the backlog would take unthrottled
        try (ServiceInstance service = ServiceInstance.start(jdbcUrl(), deribit, Map.of("tracker.store.max-inserts-per-second", 4))) {
            await().atMost(Duration.ofSeconds(15)).until(() -> table().slotsSince("eth_usd", Instant.EPOCH).size() >= 2);
            Instant beforeOutage = table().slotsSince("btc_usd", Instant.EPOCH).get(0);
            int logged = log.getOut().length();

            postgres.close();
            awaitFetchedSlots(5);
            postgres = startPostgres();

            Instant afterOutage = Instant.now().plusSeconds(2).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            await().atMost(Duration.ofSeconds(45)).until(() -> table().slotsSince("btc_usd", afterOutage).size() >= 1
                    && table().slotsSince("eth_usd", afterOutage).size() >= 1);
            assertEverySlotStoredOnce(table(), beforeOutage, afterOutage);
            // the outage and its end are one line each: not a WARN per dead pooled connection, per retry or per listener
            assertThat(log.getOut().substring(logged).lines().filter(line -> line.contains(" WARN ") || line.contains(" ERROR ")))
                    .singleElement().asString().contains("Database unreachable");
            assertThat(log.getOut().substring(logged)).contains("Database reachable again");
            // stored in the order collected: insertion time follows the slot
            List<Instant> btcInInsertOrder = table().jdbc().query(
                    "SELECT ts FROM index_price WHERE ticker = 'btc_usd' ORDER BY inserted_at",
                    (rs, i) -> rs.getTimestamp(1).toInstant());
            assertThat(btcInInsertOrder).isSorted();
            // the backlog drains at the storage throttle's pace, four a second. The entry that waited for the database
            // is retried from its insert, past the throttle, so one second holds one more: any six inserts in a row
            // span about a second (200 ms for the inserts' own timing). Unthrottled, the backlog went in within ms.
            List<Instant> inserts = table().jdbc().query("SELECT inserted_at FROM index_price ORDER BY inserted_at",
                    (rs, i) -> rs.getTimestamp(1).toInstant());
            assertThat(inserts.size()).as("rows stored").isGreaterThanOrEqualTo(14);
            for (int i = 5; i < inserts.size(); i++) {
                assertThat(Duration.between(inserts.get(i - 5), inserts.get(i))).as("inserts %d to %d", i - 5, i)
                        .isGreaterThanOrEqualTo(Duration.ofMillis(800));
            }
        }
    }

    @Test
    void aFullBufferDropsSamplesLoudlyNeverQuietly(CapturedOutput log) throws IOException {
        // a spool of two samples, so that a short outage overflows it
        try (ServiceInstance service = ServiceInstance.start(jdbcUrl(), deribit, Map.of("tracker.spool.max-entries", 2,
                // the database stays down: stopping need not wait the full 25 s for the stores in flight
                "camel.main.shutdown-timeout", 2))) {
            await().atMost(Duration.ofSeconds(15)).until(() -> table().slotsSince("eth_usd", Instant.EPOCH).size() >= 1);
            MeterRegistry meters = service.bean(MeterRegistry.class);

            postgres.close();

            // the counter is raised just before the line is logged, on the fetching thread: wait for both
            await().atMost(Duration.ofSeconds(20)).until(() ->
                    meters.get("deribit.tracker.buffer.overflows").counter().count() >= 2
                            && log.getOut().contains("Spool full"));
            assertThat(log.getOut()).contains("is DROPPED");
        }
    }

    @Test
    void aStopWhileTheDatabaseStaysDownKeepsTheSamplesForTheNextStart() throws IOException {
        Path spool = Files.createTempDirectory("outage-spool");
        Map<String, Object> settings = Map.of("camel.main.shutdown-timeout", 2, "tracker.spool.directory", spool.toString());
        ServiceInstance service = ServiceInstance.start(jdbcUrl(), deribit, settings);
        // both tickers: a slot's two rows are stored one after the other, in either order
        await().atMost(Duration.ofSeconds(15)).until(() -> table().slotsSince("eth_usd", Instant.EPOCH).size() >= 1
                && table().slotsSince("btc_usd", Instant.EPOCH).size() >= 1);
        Instant first = table().slotsSince("btc_usd", Instant.EPOCH).get(0);
        postgres.close();
        awaitFetchedSlots(4);

        service.close();
        long waiting;
        try (var entries = Files.list(spool)) {
            waiting = entries.filter(Files::isRegularFile).count();
        }
        assertThat(waiting).as("samples left in the spool").isGreaterThanOrEqualTo(6);
        assertThat(spool.resolve("error")).as("nothing set aside").doesNotExist();

        postgres = startPostgres();
        try (ServiceInstance restarted = ServiceInstance.start(jdbcUrl(), deribit, settings)) {
            Instant afterRestart = Instant.now().plusSeconds(2).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            await().atMost(Duration.ofSeconds(45)).until(() -> table().slotsSince("btc_usd", afterRestart).size() >= 1);
            // every slot from the first to the one before the stop, and on; the gap while stopped is back-filled or not
            List<Instant> btc = table().slotsSince("btc_usd", first);
            assertThat(btc.size()).isGreaterThanOrEqualTo(6);
            assertThat(table().duplicates()).isEmpty();
        }
    }
}
