package io.deribittracker.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One stored price as the API shows it. Also the schema of the OpenAPI document (outType of the operations).
 *
 * @param ticker    canonical index name, e.g. {@code btc_usd}
 * @param price     the stored decimal exactly, written as a JSON number (never through a double)
 * @param timestamp UNIX seconds of the slot
 * @param time      the same instant in ISO-8601 UTC, e.g. {@code 2026-11-24T10:29:00Z}
 */
@JsonPropertyOrder({"ticker", "price", "timestamp", "time"})
@Schema(description = "One recorded index price")
public record PriceRecord(
        @Schema(description = "Canonical index name", example = "btc_usd") String ticker,
        @Schema(description = "The stored decimal, exactly", example = "91234.56") BigDecimal price,
        @Schema(description = "UNIX seconds of the minute slot", example = "1795516140") long timestamp,
        @Schema(description = "The same instant, ISO-8601 UTC", format = "date-time", example = "2026-11-24T10:29:00Z")
        String time) {

    /** A row of the price queries in rest-api.camel.yaml ({@code ticker, epoch_second, price} as text). */
    public static PriceRecord fromRow(Map<String, Object> row) {
        long epochSecond = ((Number) row.get("epoch_second")).longValue();
        return new PriceRecord((String) row.get("ticker"), new BigDecimal((String) row.get("price")),
                epochSecond, Instant.ofEpochSecond(epochSecond).toString());
    }
}
