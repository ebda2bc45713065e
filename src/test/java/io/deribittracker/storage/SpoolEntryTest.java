package io.deribittracker.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;

import io.deribittracker.collector.IndexPriceSample;
import org.junit.jupiter.api.Test;

class SpoolEntryTest {

    private static final IndexPriceSample SAMPLE = new IndexPriceSample("btc_usd", Instant.parse("2026-11-25T10:01:00Z"),
            new BigDecimal("7131.214606410254"), Instant.parse("2026-11-25T10:01:00.004512Z"), "ws");

    @Test
    void anEntryReadsBackAsTheSameSampleWithEveryDigit() throws Exception {
        assertThat(SpoolEntry.read(SpoolEntry.write(SAMPLE))).isEqualTo(SAMPLE);
        IndexPriceSample noObservedAt = new IndexPriceSample("eth_usd", SAMPLE.slot(), new BigDecimal("1E+3"), null, "http");
        assertThat(SpoolEntry.read(SpoolEntry.write(noObservedAt))).isEqualTo(noObservedAt);
    }

    @Test
    void namesSortBySlotAndNameOneFilePerSlotAndIndex() {
        IndexPriceSample later = new IndexPriceSample("btc_usd", Instant.parse("2286-11-20T17:46:40Z"), BigDecimal.ONE, null, "ws");
        assertThat(SpoolEntry.fileName(SAMPLE)).isEqualTo("01795600860000-btc_usd.json");
        assertThat(SpoolEntry.fileName(SAMPLE).compareTo(SpoolEntry.fileName(later))).isNegative();
    }

    @Test
    void aTruncatedOrIncompleteEntryIsCorrupt() {
        String whole = SpoolEntry.write(SAMPLE);
        assertThatThrownBy(() -> SpoolEntry.read(whole.substring(0, whole.length() / 2))).isInstanceOf(CorruptSpoolEntryException.class);
        assertThatThrownBy(() -> SpoolEntry.read(whole.replace("\"source\":\"ws\"", "\"source\":null")))
                .isInstanceOf(CorruptSpoolEntryException.class);
        assertThatThrownBy(() -> SpoolEntry.read(whole.replace("7131.214606410254", "\"7131\""))).isInstanceOf(CorruptSpoolEntryException.class);
        assertThatThrownBy(() -> SpoolEntry.read("")).isInstanceOf(CorruptSpoolEntryException.class);
    }

    @Test
    void theDemoMarksItsSamples() {
        assertThat(SpoolEntry.asDemo(SAMPLE).source()).isEqualTo("demo");
        assertThat(SpoolEntry.asDemo(SAMPLE).price()).isEqualTo(SAMPLE.price());
    }
}
