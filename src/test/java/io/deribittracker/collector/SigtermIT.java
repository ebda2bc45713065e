package io.deribittracker.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.deribittracker.support.ServiceProcess;
import io.deribittracker.support.StubDeribit;
import io.deribittracker.support.TestDatabase;
import io.deribittracker.support.TestDirectories;
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
        Map<String, String> environment = Map.of(
                "SPRING_DATASOURCE_URL", database,
                "SPRING_DATASOURCE_USERNAME", TestDatabase.username(),
                "DERIBIT_WS_URL", deribit.wsUrl(),
                "DERIBIT_HTTP_URL", deribit.httpUrl(),
                "COLLECTOR_INTERVAL", "1s",
                "BACKFILL_WINDOW", "0s",
                "TRACKER_SPOOL_DIRECTORY", Files.createTempDirectory("sigterm-spool").toString());
        try (ServiceProcess service = ServiceProcess.start(TestDirectories.create("sigterm"), environment)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> deribit.openConnections() == 1 && deribit.indexPriceRequests("btc_usd") >= 2);
            jdbc.update("DELETE FROM index_price");
            long fetchedBefore = deribit.indexPriceRequests("btc_usd");
            await().atMost(Duration.ofSeconds(10)).until(() -> deribit.indexPriceRequests("btc_usd") >= fetchedBefore + 2);

            Instant signalled = Instant.now();
            int exitStatus = service.stop();

            assertThat(Duration.between(signalled, Instant.now())).as("exited within 30 s").isLessThan(Duration.ofSeconds(30));
            assertThat(exitStatus).isZero();
            // the last lines may still be on their way from the pipe
            await().atMost(Duration.ofSeconds(5)).until(() -> service.logged("Stopped store-index-price"));
            assertThat(service.logged("SIGTERM: taking no new slots")).isTrue();
            await().atMost(Duration.ofSeconds(5)).until(() -> deribit.openConnections() == 0);
            // what was fetched after the table was emptied, up to the stop, reached the database (a request cut
            // off by the closing socket may have been fetched twice, over the WebSocket and over HTTP)
            long fetched = deribit.indexPriceRequests("btc_usd") - fetchedBefore;
            Integer stored = jdbc.queryForObject("SELECT count(*) FROM index_price WHERE ticker = 'btc_usd'", Integer.class);
            assertThat(stored).isGreaterThanOrEqualTo(2).isGreaterThanOrEqualTo((int) fetched - 1);
        }
    }
}
