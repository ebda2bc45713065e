package io.deribittracker.api;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One bucket of {@code /candles} as the API shows it: the schema of the OpenAPI document (the bytes themselves are
 * written by {@link CandleRowFormat}, straight from the database's rows).
 */
@JsonPropertyOrder({"ticker", "time", "timestamp", "open", "high", "low", "close", "samples"})
@Schema(description = "Open, high, low and close of the stored prices in one UTC-aligned time bucket")
public record Candle(
        @Schema(description = "Canonical index name", example = "eth_usd") String ticker,
        @Schema(description = "Start of the bucket, ISO-8601 UTC", format = "date-time", example = "2024-03-01T00:00:00Z")
        String time,
        @Schema(description = "Start of the bucket in UNIX seconds", example = "1709251200") long timestamp,
        @Schema(description = "The bucket's first stored price, exactly", example = "3000.12") BigDecimal open,
        @Schema(description = "Its highest stored price", example = "3050.5") BigDecimal high,
        @Schema(description = "Its lowest stored price", example = "2990.01") BigDecimal low,
        @Schema(description = "Its last stored price", example = "3044.9") BigDecimal close,
        @Schema(description = "How many stored slots the bucket holds (fewer than its width: slots are missing)",
                example = "60") long samples) {
}
