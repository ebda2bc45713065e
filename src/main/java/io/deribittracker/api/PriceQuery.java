package io.deribittracker.api;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A validated question about stored prices: one index, an inclusive time window, an order, an optional limit and
 * the format of the answer. {@code /all} is the window spanning the API's whole time range, so every list operation
 * runs the same query.
 *
 * @param ticker     canonical index name
 * @param start      first slot included
 * @param end        last slot included
 * @param descending newest first
 * @param limit      at most this many rows; null for all
 * @param format     JSON or CSV, from the format parameter or else the Accept header
 */
public record PriceQuery(String ticker, Instant start, Instant end, boolean descending, Long limit, PriceRowFormat format) {

    /** Named parameters for the {@code :?name} placeholders of the SQL in rest-api.camel.yaml, always bound. */
    public Map<String, Object> sqlParameters() {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("ticker", ticker);
        parameters.put("start", TimeParameter.sqlBound(start, true));
        parameters.put("end", TimeParameter.sqlBound(end, false));
        // LIMIT NULL is PostgreSQL for "no limit"
        parameters.put("limit", limit);
        return parameters;
    }
}
