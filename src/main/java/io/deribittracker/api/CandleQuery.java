package io.deribittracker.api;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A validated {@code /candles} question: the stored prices of one index with {@code start <= slot <= end}, grouped
 * into UTC buckets of one resolution.
 *
 * @param ticker     canonical index name
 * @param resolution the bucket width
 * @param start      first slot included (the bucket it falls in is then partial)
 * @param end        last slot included
 * @param descending newest bucket first
 * @param limit      at most this many buckets; null for all
 * @param format     JSON or CSV
 */
public record CandleQuery(String ticker, CandleResolution resolution, Instant start, Instant end, boolean descending,
                          Long limit, CandleRowFormat format) {

    /** Named parameters for the {@code :?name} placeholders of the candle SQL in rest-api.camel.yaml. */
    public Map<String, Object> sqlParameters() {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("ticker", ticker);
        parameters.put("width", resolution.interval());
        parameters.put("start", TimeParameter.sqlBound(start, true));
        parameters.put("end", TimeParameter.sqlBound(end, false));
        parameters.put("limit", limit);
        return parameters;
    }
}
