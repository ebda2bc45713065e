package io.deribittracker.collector;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import io.deribittracker.backfill.BackfillProperties;
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

    /** Back-fill settings with this window (0: off), the rest as in application.yml. */
    private static BackfillProperties backfillWindow(Duration window) {
        return new BackfillProperties(window, Duration.ofMinutes(10), 5, Duration.ofSeconds(10), List.of());
    }

    @Test
    void aDayLongOutageIsOneLineToStartASummaryEveryTenMinutesAndOneLineToEnd(CapturedOutput log) {
        ManualClock clock = new ManualClock();
        CollectionOutage outage = new CollectionOutage(Duration.ofMinutes(10), backfillWindow(Duration.ofHours(24)), clock);
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
        // the day fits the default 24 h window exactly: every slot can still be back-filled
        assertThat(lines.stream().filter(l -> l.contains("Collection recovered"))).singleElement().asString()
                .contains("2880 slots missed").endsWith("the back-fill will recover the slots missed");
        // and nothing else above DEBUG
        assertThat(lines.stream().filter(l -> !l.contains("DEBUG"))).hasSize(1 + 143 + 1);
    }

    @Test
    void withTheBackfillOffTheLinesSayTheMissedSlotsStayMissing(CapturedOutput log) {
        ManualClock clock = new ManualClock();
        CollectionOutage outage = new CollectionOutage(Duration.ofMinutes(10), backfillWindow(Duration.ZERO), clock);
        int before = log.getOut().length();

        for (int minute = 0; minute < 30; minute++) {
            outage.slotMissed("btc_usd", clock.now, "Connection refused");
            clock.now = clock.now.plusSeconds(60);
        }
        outage.slotCollected("btc_usd", clock.now);

        List<String> lines = log.getOut().substring(before).lines().filter(l -> !l.contains("DEBUG")).toList();
        assertThat(lines).hasSize(1 + 2 + 1);
        assertThat(lines.get(0)).contains("Collection failing");
        assertThat(lines.get(3)).contains("Collection recovered");
        assertThat(lines).allSatisfy(line -> assertThat(line).endsWith("the back-fill is off: the slots missed stay missing"));
    }

    @Test
    void slotsOlderThanTheBackfillWindowAreSaidToStayMissing(CapturedOutput log) {
        ManualClock clock = new ManualClock();
        Instant start = clock.now;
        CollectionOutage outage = new CollectionOutage(Duration.ofMinutes(10), backfillWindow(Duration.ofHours(1)), clock);
        int before = log.getOut().length();

        // two hours of minutes without a price, with a one-hour window
        for (int minute = 0; minute < 120; minute++) {
            outage.slotMissed("eth_usd", clock.now, "Connection refused");
            clock.now = clock.now.plusSeconds(60);
        }
        outage.slotCollected("eth_usd", clock.now);

        List<String> lines = log.getOut().substring(before).lines().filter(l -> !l.contains("DEBUG")).toList();
        // within the first hour every missed slot is still in the window
        assertThat(lines.stream().filter(l -> l.contains("Collection still failing")).limit(5))
                .allSatisfy(line -> assertThat(line).endsWith("the back-fill will recover the slots missed"));
        // after it, the first ones have left the window
        assertThat(lines.stream().filter(l -> l.contains("Collection recovered"))).singleElement().asString()
                .contains("the back-fill will recover those from " + start.plus(Duration.ofHours(1)) + " on")
                .endsWith("earlier ones are older than the back-fill window (1h) and stay missing");
    }

    @Test
    void recoveryWaitsForEveryFailingIndex(CapturedOutput log) {
        ManualClock clock = new ManualClock();
        CollectionOutage outage = new CollectionOutage(Duration.ofMinutes(10), backfillWindow(Duration.ofHours(24)), clock);
        int before = log.getOut().length();

        outage.slotMissed("ada_usdc", clock.now, "error 11051");
        outage.slotCollected("btc_usd", clock.now);
        assertThat(log.getOut().substring(before)).doesNotContain("recovered");
        outage.slotCollected("ada_usdc", clock.now.plusSeconds(60));
        assertThat(log.getOut().substring(before)).contains("Collection recovered with ada_usdc");
    }
}
