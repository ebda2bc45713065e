package io.deribittracker.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.deribittracker.support.StubDeribit;
import io.deribittracker.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** The packaged jar, run as operators run it, stopped the way docker and Kubernetes stop it. */
class SigtermIT {

    @Test
    void sigtermFlushesClosesTheSocketAndExitsZeroWithinThirtySeconds() throws Exception {
        try (StubDeribit deribit = new StubDeribit().start(0)) {
            runAndStop(deribit);
        }
    }

    private void runAndStop(StubDeribit deribit) throws Exception {
        String database = TestDatabase.url("sigterm");
        JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(database, TestDatabase.username(), "", true));
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", Path.of("target", "deribit-tracker.jar").toString())
                .redirectErrorStream(true);
        builder.environment().put("SPRING_DATASOURCE_URL", database);
        builder.environment().put("SPRING_DATASOURCE_USERNAME", TestDatabase.username());
        builder.environment().put("DERIBIT_WS_URL", deribit.wsUrl());
        builder.environment().put("DERIBIT_HTTP_URL", deribit.httpUrl());
        builder.environment().put("COLLECTOR_INTERVAL", "1s");
        builder.environment().put("SERVER_PORT", "0");
        builder.environment().put("MANAGEMENT_SERVER_PORT", "0");
        builder.environment().put("BACKFILL_WINDOW", "0s");
        builder.environment().put("TRACKER_SPOOL_DIRECTORY", Files.createTempDirectory("sigterm-spool").toString());
        Process service = builder.start();
        List<String> output = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(service.getInputStream()))) {
                lines.lines().forEach(output::add);
            } catch (IOException ignored) {
                // the process is gone
            }
        });
        reader.start();
        try {
            await().atMost(Duration.ofSeconds(120)).until(() -> output.stream().anyMatch(l -> l.contains("Started DeribitTrackerApplication"))
                    && deribit.openConnections() == 1 && deribit.indexPriceRequests("btc_usd") >= 2);
            jdbc.update("DELETE FROM index_price");
            long fetchedBefore = deribit.indexPriceRequests("btc_usd");
            await().atMost(Duration.ofSeconds(10)).until(() -> deribit.indexPriceRequests("btc_usd") >= fetchedBefore + 2);

            // SIGTERM; Process.destroy() would also close our end of its output, hiding the shutdown log
            service.toHandle().destroy();

            assertThat(service.waitFor(30, TimeUnit.SECONDS)).as("exited within 30 s").isTrue();
            assertThat(service.exitValue()).isZero();
            reader.join(5000);
            assertThat(output).anyMatch(l -> l.contains("SIGTERM: taking no new slots"));
            assertThat(output).anyMatch(l -> l.contains("Stopped store-index-price"));
            await().atMost(Duration.ofSeconds(5)).until(() -> deribit.openConnections() == 0);
            // what was fetched after the table was emptied, up to the stop, reached the database (a request cut
            // off by the closing socket may have been fetched twice, over the WebSocket and over HTTP)
            long fetched = deribit.indexPriceRequests("btc_usd") - fetchedBefore;
            Integer stored = jdbc.queryForObject("SELECT count(*) FROM index_price WHERE ticker = 'btc_usd'", Integer.class);
            assertThat(stored).isGreaterThanOrEqualTo(2).isGreaterThanOrEqualTo((int) fetched - 1);
        } finally {
            service.destroyForcibly();
        }
    }
}
