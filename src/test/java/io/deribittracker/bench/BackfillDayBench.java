package io.deribittracker.bench;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import io.deribittracker.support.ServiceInstance;
import io.deribittracker.support.StubDeribit;
import io.deribittracker.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Not a test (no *Test / *IT name): run by {@code bench/backfill-day.sh}. A new install with the default
 * configuration (btc_usd and eth_usd every 60 s, BACKFILL_WINDOW 24h, 5 history requests a second) back-fills a
 * whole day from the stub's trades; prints how long the run took and how many requests it made.
 */
@ExtendWith(OutputCaptureExtension.class)
class BackfillDayBench {

    @Test
    void backfillADayOfTwoTickersAtTheRateLimit(CapturedOutput log) {
        String url = TestDatabase.url("bench_backfill");
        JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(url, TestDatabase.username(), "", true));
        if (Boolean.TRUE.equals(jdbc.queryForObject("SELECT to_regclass('index_price') IS NOT NULL", Boolean.class))) {
            jdbc.update("DELETE FROM index_price");
        }
        try (StubDeribit deribit = new StubDeribit().start(0)) {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
            for (Instant slot = now.minus(Duration.ofHours(25)); slot.isBefore(now.plusSeconds(3600)); slot = slot.plusSeconds(60)) {
                deribit.addTrade("BTC-PERPETUAL", slot.plusMillis(1300), "91234.5");
                deribit.addTrade("ETH-PERPETUAL", slot.minusMillis(800), "3012.3");
            }
            long started = System.nanoTime();
            try (ServiceInstance service = ServiceInstance.start(url, deribit, Map.of(
                    "collector.interval", "60s", "backfill.window", "24h", "backfill.max-requests-per-second", 5))) {
                await().atMost(Duration.ofMinutes(40)).pollInterval(Duration.ofSeconds(5))
                        .until(() -> log.getOut().contains("Back-fill of the last 24h"));
                double seconds = (System.nanoTime() - started) / 1e9;
                String line = log.getOut().lines().filter(l -> l.contains("Back-fill of the last 24h")).findFirst().orElseThrow();
                System.out.printf("BENCH backfill-day: %d history requests, %.1f s from start to the run's log line%nBENCH %s%n",
                        deribit.historyRequests("BTC-PERPETUAL") + deribit.historyRequests("ETH-PERPETUAL"), seconds,
                        line.substring(line.indexOf("Back-fill")));
            }
        }
    }
}
