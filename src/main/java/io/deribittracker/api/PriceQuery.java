package io.deribittracker.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * A validated question about stored prices: one index, an inclusive time window, an order and an optional limit.
 * {@code /all} is the window spanning the API's whole time range, so every list operation runs the same query.
 *
 * @param ticker     canonical index name
 * @param start      first slot included
 * @param end        last slot included
 * @param descending newest first
 * @param limit      at most this many rows; null for all
 */
public record PriceQuery(String ticker, Instant start, Instant end, boolean descending, Long limit) {

    /** Named parameters for the {@code :?name} placeholders of the SQL in rest-api.camel.yaml, always bound. */
    public Map<String, Object> sqlParameters() {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("ticker", ticker);
        parameters.put("start", OffsetDateTime.ofInstant(start, ZoneOffset.UTC));
        parameters.put("end", OffsetDateTime.ofInstant(end, ZoneOffset.UTC));
        // LIMIT NULL is PostgreSQL for "no limit"
        parameters.put("limit", limit);
        return parameters;
    }
}
