package io.deribittracker.collector;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class PlausiblePriceTest {

    private final PlausiblePrice plausible = new PlausiblePrice(new BigDecimal("1e-8"), new BigDecimal("1e9"));

    private static JsonNode result(String indexPrice) throws Exception {
        return DeribitJson.objectMapper().readTree("{\"index_price\":" + indexPrice + ",\"estimated_delivery_price\":1}");
    }

    @Test
    void aPositiveNumberInRangeIsAPrice() throws Exception {
        for (String price : List.of("91234.5678901234", "0.00000001", "1000000000", "3012")) {
            assertThatCode(() -> plausible.check("btc_usd", Instant.EPOCH, result(price))).as(price).doesNotThrowAnyException();
        }
    }

    @Test
    void negativeZeroHugeTinyTextAndNullAreNot() throws Exception {
        for (String price : List.of("-12345.67", "0", "1e300", "1e-400", "\"abc\"", "\"91234.5\"", "null", "1000000000.01")) {
            JsonNode result = result(price);
            assertThatThrownBy(() -> plausible.check("btc_usd", Instant.EPOCH, result)).as(price)
                    .isInstanceOf(UnusableReplyException.class).hasMessageContaining("not stored");
        }
    }

    @Test
    void aResultWithoutPriceIsNot() throws Exception {
        JsonNode result = DeribitJson.objectMapper().readTree("{\"estimated_delivery_price\":1}");
        assertThatThrownBy(() -> plausible.check("btc_usd", Instant.EPOCH, result)).isInstanceOf(UnusableReplyException.class);
    }
}
