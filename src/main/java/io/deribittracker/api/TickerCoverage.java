package io.deribittracker.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What is stored for one configured index: the answer of {@code /tickers}, one per index, and its OpenAPI schema.
 *
 * @param ticker         canonical index name
 * @param aliases        the other spellings the API accepts for it (the currency code)
 * @param first          oldest stored slot; null when nothing is stored
 * @param last           newest stored slot; null when nothing is stored
 * @param count          stored slots
 * @param sources        stored slots by how they were obtained, named as records show them (live, backfill, demo)
 * @param missingLast24h the slots of the last 24 hours that are not stored
 */
@JsonPropertyOrder({"ticker", "aliases", "first", "last", "count", "sources", "missing_last_24h"})
@Schema(description = "What is stored for one index")
public record TickerCoverage(
        @Schema(example = "btc_usd") String ticker,
        @Schema(example = "[\"BTC\"]") List<String> aliases,
        @Schema(description = "Oldest stored slot, null when none", nullable = true) Slot first,
        @Schema(description = "Newest stored slot, null when none", nullable = true) Slot last,
        @Schema(description = "Stored slots", example = "525600") long count,
        @Schema(description = "Stored slots by source: live (collected), backfill, demo", example = "{\"live\":525000,\"backfill\":600}")
        Map<String, Long> sources,
        @JsonProperty("missing_last_24h") @Schema(description = "Slots of the last 24 hours that are not stored")
        Missing missingLast24h) {

    /** An instant as records show it: UNIX seconds and ISO-8601 UTC. */
    @JsonPropertyOrder({"timestamp", "time"})
    public record Slot(@Schema(example = "1795514400") long timestamp,
                       @Schema(format = "date-time", example = "2026-11-24T10:00:00Z") String time) {

        static Slot of(Instant instant) {
            return instant == null ? null : new Slot(instant.getEpochSecond(), instant.toString());
        }
    }

    /**
     * @param from  first slot of the window
     * @param to    last slot of the window (the newest slot that should be stored by now)
     * @param slots how many of the window's slots are missing
     * @param gaps  the missing slots as runs of consecutive slots, oldest first
     */
    @JsonPropertyOrder({"from", "to", "slots", "gaps"})
    public record Missing(Slot from, Slot to, @Schema(example = "3") long slots, List<Gap> gaps) {
    }

    /** A run of consecutive missing slots, both ends included. */
    @JsonPropertyOrder({"from", "to", "slots"})
    public record Gap(Slot from, Slot to, @Schema(example = "3") long slots) {
    }
}
