package io.deribittracker.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.deribittracker.support.ServiceInstance;
import io.deribittracker.support.StubDeribit;
import io.deribittracker.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Deribit unreachable (WebSocket and HTTP) for a while: the log says so in a handful of lines, not per slot. The
 * summary period is 3 s instead of 10 minutes, and the interval 1 s, so the outage is short.
 */
@ExtendWith(OutputCaptureExtension.class)
class CollectionOutageLogIT {

    private static final Duration SUMMARY_INTERVAL = Duration.ofSeconds(3);

    @Test
    void anOutageIsOneLineWhenItStartsASummaryPerPeriodAndOneLineWhenItEnds(CapturedOutput log) {
        try (StubDeribit deribit = new StubDeribit().start(0)) {
            // indices of their own, so this instance's lines are told apart from other services in the same JVM
            deribit.setPrice("sol_usd", "142.17");
            deribit.setPrice("xrp_usd", "0.5512");
            try (ServiceInstance service = ServiceInstance.start(TestDatabase.url("outage_log"), deribit, Map.of(
                    "collector.index-names", "sol_usd,xrp_usd",
                    "collector.outage-summary-interval", SUMMARY_INTERVAL.toString(),
                    "deribit.reconnect-delay", "200ms",
                    "deribit.reconnect-max-delay", "1s"))) {
                await().atMost(Duration.ofSeconds(30)).until(() -> service.jdbc().queryForObject(
                        "SELECT count(*) FROM index_price WHERE ticker = 'xrp_usd' AND inserted_at > now() - interval '5 seconds'",
                        Integer.class) > 0);
                int start = log.getOut().length();

                deribit.stop();
                Instant down = Instant.now();
                await().atMost(Duration.ofSeconds(30)).until(() -> count(log, start, "Collection still failing") >= 3);
                Duration outage = Duration.between(down, Instant.now());
                deribit.restart();
                await().atMost(Duration.ofSeconds(30)).until(() -> count(log, start, "Collection recovered") >= 1);

                List<String> lines = log.getOut().substring(start).lines().toList();
                assertThat(lines.stream().filter(l -> l.contains("Collection failing"))).hasSize(1);
                long summaries = count(log, start, "Collection still failing");
                // at most one summary per period of the outage
                assertThat(summaries).isLessThanOrEqualTo(outage.toMillis() / SUMMARY_INTERVAL.toMillis());
                assertThat(lines.stream().filter(l -> l.contains("Collection recovered"))).singleElement().asString()
                        .contains("back-fill");
                assertThat(lines.stream().filter(l -> l.contains("Collection still failing"))).allSatisfy(l ->
                        assertThat(l).containsPattern("\\d+ slots missed so far").contains("back-fill"));
                // nothing else at WARN or ERROR about this instance's indices or its collection
                assertThat(lines.stream().filter(l -> l.contains(" WARN ") || l.contains(" ERROR ")))
                        .allSatisfy(l -> assertThat(l).containsAnyOf("Collection failing", "Collection still failing"));
                assertThat(lines.stream().filter(l -> l.contains(" WARN ") || l.contains(" ERROR "))).hasSize(1 + (int) summaries);
            }
        }
    }

    private static long count(CapturedOutput log, int from, String text) {
        return log.getOut().substring(from).lines().filter(l -> l.contains(text)).count();
    }
}
