package io.deribittracker.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.deribittracker.support.FakeDeribit;
import io.deribittracker.support.HttpTestClient;
import io.deribittracker.support.IndexPriceTable;
import io.deribittracker.support.ServiceInstance;
import io.deribittracker.support.StubDeribit;
import io.deribittracker.support.TestDatabase;
import org.junit.jupiter.api.Test;

/** How the service starts on a fresh machine: no database configured, or Deribit not reachable yet. */
class StartupIT {

    @Test
    void withoutADatabaseConfiguredItRunsEmbeddedPostgresAndKeepsTheDataAcrossRestarts() throws IOException {
        Path dataDirectory = Files.createTempDirectory("tracker-data");
        Map<String, Object> embedded = Map.of("tracker.embedded-db.directory", dataDirectory.toString());
        Instant firstSlot;
        try (ServiceInstance service = ServiceInstance.startWithEmbeddedDatabase(FakeDeribit.SERVER, embedded)) {
            IndexPriceTable table = new IndexPriceTable(service.jdbc());
            await().atMost(Duration.ofSeconds(15)).until(() -> table.slotsSince("btc_usd", Instant.EPOCH).size() >= 2);
            firstSlot = table.slotsSince("btc_usd", Instant.EPOCH).get(0);
        }
        assertThat(dataDirectory.resolve("PG_VERSION")).exists();

        try (ServiceInstance restarted = ServiceInstance.startWithEmbeddedDatabase(FakeDeribit.SERVER, embedded)) {
            assertThat(new IndexPriceTable(restarted.jdbc()).slotsSince("btc_usd", Instant.EPOCH)).contains(firstSlot);
        }
    }

    @Test
    void withDeribitUnreachableItStartsAnywayAndBeginsCollectingOnceDeribitAnswers() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        String url = TestDatabase.url("startup");
        try (ServiceInstance service = ServiceInstance.start(url, FakeDeribit.SERVER, Map.of(
                "deribit.ws-url", "ws://127.0.0.1:" + port + "/ws/api/v2",
                "deribit.http-url", "http://127.0.0.1:" + port + "/api/v2"))) {
            // the API serves from the first moment, although Deribit does not answer
            HttpResponse<String> all = new HttpTestClient(service.port()).get("/all?ticker=btc");
            assertThat(all.statusCode()).isEqualTo(200);
            Instant started = Instant.now();

            try (StubDeribit lateDeribit = new StubDeribit().start(port)) {
                IndexPriceTable table = new IndexPriceTable(service.jdbc());
                await().atMost(Duration.ofSeconds(40)).until(() -> table.slotsSince("btc_usd", started).size() >= 2
                        && table.slotsSince("eth_usd", started).size() >= 2);
                assertThat(lateDeribit.openConnections()).isEqualTo(1);
            }
        }
    }
}
