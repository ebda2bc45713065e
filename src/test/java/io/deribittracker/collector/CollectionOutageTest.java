package io.deribittracker.collector;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class CollectionOutageTest {

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-11-24T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aDayLongOutageIsOneLineToStartASummaryEveryTenMinutesAndOneLineToEnd(CapturedOutput log) {
        ManualClock clock = new ManualClock();
        CollectionOutage outage = new CollectionOutage(Duration.ofMinutes(10), clock);
        int before = log.getOut().length();

        // one day of minutes, two indices, nothing collected
        for (int minute = 0; minute < 1_440; minute++) {
            Instant slot = clock.now;
            for (String ticker : List.of("btc_usd", "eth_usd")) {
                outage.slotMissed(ticker, slot, "Connection refused");
            }
            clock.now = clock.now.plusSeconds(60);
        }
        outage.slotCollected("btc_usd", clock.now);
        outage.slotCollected("eth_usd", clock.now);

        List<String> lines = log.getOut().substring(before).lines().toList();
        assertThat(lines.stream().filter(l -> l.contains("Collection failing"))).hasSize(1);
        // the first report opens the outage; a summary at most every 10 minutes after it: 143 in 1,439 minutes
        assertThat(lines.stream().filter(l -> l.contains("Collection still failing"))).hasSize(143);
        assertThat(lines.stream().filter(l -> l.contains("Collection recovered"))).singleElement().asString()
                .contains("2880 slots missed").contains("back-fill");
        // and nothing else above DEBUG
        assertThat(lines.stream().filter(l -> !l.contains("DEBUG"))).hasSize(1 + 143 + 1);
    }

    @Test
    void recoveryWaitsForEveryFailingIndex(CapturedOutput log) {
        ManualClock clock = new ManualClock();
        CollectionOutage outage = new CollectionOutage(Duration.ofMinutes(10), clock);
        int before = log.getOut().length();

        outage.slotMissed("ada_usdc", clock.now, "error 11051");
        outage.slotCollected("btc_usd", clock.now);
        assertThat(log.getOut().substring(before)).doesNotContain("recovered");
        outage.slotCollected("ada_usdc", clock.now.plusSeconds(60));
        assertThat(log.getOut().substring(before)).contains("Collection recovered with ada_usdc");
    }
}
