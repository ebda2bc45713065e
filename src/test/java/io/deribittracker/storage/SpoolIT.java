package io.deribittracker.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.deribittracker.collector.IndexPriceSample;
import io.deribittracker.support.FakeDeribit;
import io.deribittracker.support.ServiceInstance;
import io.deribittracker.support.ServiceProcess;
import io.deribittracker.support.StubDeribit;
import io.deribittracker.support.TestDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** The spool on disk: what survives a SIGKILL, and what happens to a file that is not a sample. */
@ExtendWith(OutputCaptureExtension.class)
class SpoolIT {

    private static List<String> entries(Path spool) throws IOException {
        try (Stream<Path> files = Files.list(spool)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }

    private static Instant slotOf(String entry) {
        return Instant.ofEpochMilli(Long.parseLong(entry.substring(0, entry.indexOf('-'))));
    }

    private static String tickerOf(String entry) {
        return entry.substring(entry.indexOf('-') + 1, entry.length() - ".json".length());
    }

    @Test
    void killNineDuringADatabaseOutageLosesNoCollectedSlot() throws Exception {
        Path dataDirectory = Files.createTempDirectory("kill-pg");
        Path spool = Files.createTempDirectory("kill-spool");
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false).setPort(port).start();
        JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(url, "postgres", "", true));
        try (StubDeribit deribit = new StubDeribit().start(0)) {
            Map<String, String> environment = Map.of(
                    "SPRING_DATASOURCE_URL", url, "SPRING_DATASOURCE_USERNAME", "postgres",
                    "DERIBIT_WS_URL", deribit.wsUrl(), "DERIBIT_HTTP_URL", deribit.httpUrl(),
                    "COLLECTOR_INTERVAL", "1s", "BACKFILL_WINDOW", "0s", "TRACKER_SPOOL_DIRECTORY", spool.toString(),
                    "TRACKER_STORE_RETRY_DELAY", "200", "TRACKER_STORE_MAX_RETRY_DELAY", "1000");
            Instant first;
            List<String> waiting;
            try (ServiceProcess service = ServiceProcess.start(spool.getParent(), environment)) {
                await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() ->
                        jdbc.queryForObject("SELECT count(*) FROM index_price WHERE ticker = 'eth_usd'", Integer.class) >= 2);
                first = jdbc.queryForObject("SELECT max(ts) FROM index_price WHERE ticker = 'eth_usd'", Timestamp.class).toInstant();

                postgres.close();
                long before = deribit.indexPriceRequests("btc_usd");
                await().atMost(Duration.ofSeconds(30)).until(() -> deribit.indexPriceRequests("btc_usd") >= before + 6);

                service.kill();
                waiting = entries(spool);
            }
            assertThat(waiting).as("collected during the outage, on disk at the kill").hasSizeGreaterThanOrEqualTo(10);

            postgres = EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false).setPort(port).start();
            JdbcTemplate afterRestart = new JdbcTemplate(new SingleConnectionDataSource(url, "postgres", "", true));
            try (ServiceProcess restarted = ServiceProcess.start(spool.getParent(), environment)) {
                for (String entry : waiting) {
                    await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> afterRestart.queryForObject(
                            "SELECT count(*) FROM index_price WHERE ts = ? AND ticker = ?", Integer.class,
                            Timestamp.from(slotOf(entry)), tickerOf(entry)) == 1);
                }
                for (String ticker : List.of("btc_usd", "eth_usd")) {
                    // per index: the kill may fall between a slot's two entries, one on disk and one still on its way
                    Instant lastCollected = waiting.stream().filter(entry -> tickerOf(entry).equals(ticker))
                            .map(SpoolIT::slotOf).max(Instant::compareTo).orElseThrow();
                    List<String> sources = afterRestart.queryForList(
                            "SELECT source FROM index_price WHERE ticker = ? AND ts BETWEEN ? AND ? ORDER BY ts",
                            String.class, ticker, Timestamp.from(first), Timestamp.from(lastCollected));
                    assertThat(sources).as("every slot from before the outage to the last collected before the kill, " + ticker)
                            .hasSize((int) Duration.between(first, lastCollected).toSeconds() + 1);
                    assertThat(sources).as("stored as live").allMatch(source -> List.of("ws", "http").contains(source));
                }
            }
        } finally {
            postgres.close();
        }
    }

    @Test
    void aCorruptEntryAndOneTheDatabaseRefusesAreMovedAsideAndTheEntriesBehindThemAreStored(CapturedOutput log)
            throws IOException {
        Instant older = Instant.parse("2001-01-01T00:00:00Z");
        Instant refusedSlot = older.plusSeconds(30);
        Instant newer = older.plusSeconds(60);
        String url = TestDatabase.url("spool");
        JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(url, TestDatabase.username(), "", true));
        if (Boolean.TRUE.equals(jdbc.queryForObject("SELECT to_regclass('index_price') IS NOT NULL", Boolean.class))) {
            jdbc.update("DELETE FROM index_price");
        }
        Path spool = Files.createTempDirectory("corrupt-spool");
        Files.writeString(spool.resolve(SpoolEntry.fileName(new IndexPriceSample("btc_usd", older, BigDecimal.ONE, null, "ws"))),
                "{\"ticker\":\"btc_usd\",\"slot\":\"2001-01-01T00:00:00Z\",\"pri");
        // a whole sample PostgreSQL refuses for what it is, not because it is down (a NUL byte in a text column):
        // retried a few times, then set aside, never blocking the spool
        String refused = SpoolEntry.fileName(new IndexPriceSample("eth_usd", refusedSlot, BigDecimal.ONE, null, "ws"));
        Files.writeString(spool.resolve(refused),
                SpoolEntry.write(new IndexPriceSample("eth\u0000usd", refusedSlot, BigDecimal.ONE, refusedSlot, "ws")));
        Files.writeString(spool.resolve(SpoolEntry.fileName(new IndexPriceSample("btc_usd", newer, BigDecimal.ONE, null, "ws"))),
                SpoolEntry.write(new IndexPriceSample("btc_usd", newer, new BigDecimal("12345.678901"), newer, "ws")));

        try (ServiceInstance service = ServiceInstance.start(url, FakeDeribit.SERVER,
                Map.of("collector.enabled", false, "tracker.spool.directory", spool.toString()))) {
            await().atMost(Duration.ofSeconds(20)).until(() -> entries(spool).isEmpty());

            assertThat(jdbc.queryForList("SELECT price FROM index_price WHERE ticker = 'btc_usd' AND ts = ?", BigDecimal.class,
                    Timestamp.from(newer))).containsExactly(new BigDecimal("12345.678901"));
            assertThat(jdbc.queryForObject("SELECT count(*) FROM index_price WHERE ts = ?", Integer.class, Timestamp.from(older))).isZero();
            assertThat(spool.resolve("error").resolve("00978307200000-btc_usd.json")).exists();
            assertThat(log.getOut()).contains("Spool entry 00978307200000-btc_usd.json is not a sample");
            assertThat(spool.resolve("error").resolve(refused)).exists();
            assertThat(log.getOut()).contains("Could not store spool entry " + refused);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM index_price WHERE ts = ?", Integer.class,
                    Timestamp.from(refusedSlot))).isZero();
        }
    }
}
