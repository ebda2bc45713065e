package io.deribittracker.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class IndexPriceSampleTest {

    private final ObjectMapper json = DeribitJson.objectMapper();

    @Test
    void keepsEveryDigitDeribitSentAndReadsUsOutAsMicroseconds() throws Exception {
        var result = json.readTree("{\"index_price\":7131.214606410254,\"estimated_delivery_price\":7131.21}");
        Instant slot = Instant.parse("2026-11-24T10:29:00Z");

        IndexPriceSample sample = IndexPriceSample.fromReply("btc_usd", slot, result, 1_795_511_340_123_456L, "ws");

        assertThat(sample.price()).isEqualByComparingTo(new BigDecimal("7131.214606410254"));
        assertThat(sample.price().toPlainString()).isEqualTo("7131.214606410254");
        assertThat(sample.observedAt()).isEqualTo(Instant.ofEpochSecond(1_795_511_340L, 123_456_000L));
        assertThat(sample.slot()).isEqualTo(slot);
    }

    @Test
    void trailingZerosSurvive() throws Exception {
        var result = json.readTree("{\"index_price\":91234.50}");
        assertThat(IndexPriceSample.fromReply("btc_usd", Instant.EPOCH, result, null, null).price().toPlainString())
                .isEqualTo("91234.50");
    }

    @Test
    void aResultWithoutAPriceIsRefused() throws Exception {
        var result = json.readTree("{\"estimated_delivery_price\":1}");
        assertThatThrownBy(() -> IndexPriceSample.fromReply("btc_usd", Instant.EPOCH, result, null, "ws"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("index_price");
    }
}
