package io.deribittracker.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import io.deribittracker.support.IndexPriceTable;
import io.deribittracker.support.ServiceInstance;
import io.deribittracker.support.StubDeribit;
import io.deribittracker.support.TestDatabase;
import org.junit.jupiter.api.Test;

/** Two collectors on one database: one row per ticker per slot, and no gap when one of them stops. */
class ReplicasIT {

    @Test
    void twoCollectorsStoreEachSlotOnceAndTheSurvivorKeepsCollectingWhenOneStops() {
        String url = TestDatabase.url("replicas");
        try (StubDeribit deribit = new StubDeribit().start(0);
             ServiceInstance first = ServiceInstance.start(url, deribit, Map.of());
             ServiceInstance second = ServiceInstance.start(url, deribit, Map.of())) {
            IndexPriceTable table = new IndexPriceTable(second.jdbc());
            Instant from = Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
            await().atMost(Duration.ofSeconds(15)).until(() -> table.slotsSince("eth_usd", from).size() >= 3);
            assertThat(table.duplicates()).isEmpty();

            first.close();
            Instant stoppedAt = Instant.now();
            await().atMost(Duration.ofSeconds(15)).until(() ->
                    table.slotsSince("eth_usd", stoppedAt.plusSeconds(1)).size() >= 3
                            && table.slotsSince("btc_usd", stoppedAt.plusSeconds(1)).size() >= 3);

            Instant until = stoppedAt.plusSeconds(3).truncatedTo(ChronoUnit.SECONDS);
            // a slot fetched late (a retry) lands after newer ones: wait for the range to be complete
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                for (String ticker : List.of("btc_usd", "eth_usd")) {
                    List<Instant> slots = table.slotsSince(ticker, from).stream().filter(s -> !s.isAfter(until)).toList();
                    assertThat(slots).as(ticker).hasSize((int) Duration.between(from, until).toSeconds() + 1);
                }
            });
            assertThat(table.duplicates()).isEmpty();
        }
    }
}
