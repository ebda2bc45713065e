package io.deribittracker.api;

import java.time.Instant;
import java.util.Map;

/**
 * A validated {@code /candles} question: the stored prices of one index with {@code start <= slot <= end}, grouped
 * into UTC buckets of one resolution, computed by PostgreSQL in one aggregate over the primary key's range.
 *
 * @param ticker     canonical index name
 * @param resolution the bucket width
 * @param start      first slot included (the bucket it falls in is then partial)
 * @param end        last slot included
 * @param descending newest bucket first
 * @param limit      at most this many buckets; null for all
 */
record CandleQuery(String ticker, CandleResolution resolution, Instant start, Instant end, boolean descending,
                          Long limit) implements RowQuery {

    /**
     * date_bin from a Monday midnight UTC: every resolution divides a week, so buckets start on the minute, the hour,
     * at 00:00Z and on Mondays. open/close are the first and last element of the bucket's time-ordered prices
     * (PostgreSQL computes the identical aggregate once: one sort per bucket); high/low its max and min. Each value is
     * a stored price, written as its numeric text. As in {@link PriceQuery}, the order is one of two fixed spellings.
     */
    private static final String SQL = "SELECT extract(epoch FROM date_bin(CAST(:?width AS interval), ts,"
            + " TIMESTAMPTZ '2000-01-03 00:00:00+00'))::bigint AS epoch_second,"
            + " (array_agg(price ORDER BY ts))[1]::text AS open, max(price)::text AS high, min(price)::text AS low,"
            + " (array_agg(price ORDER BY ts))[count(*)]::text AS close, count(*) AS samples"
            + " FROM index_price WHERE ticker = :?ticker AND ts BETWEEN :?start AND :?end"
            + " GROUP BY 1 ORDER BY 1 %s LIMIT :?limit";
    private static final String ASCENDING = SQL.formatted("ASC");
    private static final String DESCENDING = SQL.formatted("DESC");

    @Override
    public String sql() {
        return descending ? DESCENDING : ASCENDING;
    }

    @Override
    public Map<String, Object> sqlParameters() {
        Map<String, Object> parameters = RowQuery.windowParameters(ticker, start, end, limit);
        parameters.put("width", resolution.interval());
        return parameters;
    }

    @Override
    public RowRenderer renderer() {
        return new CandleRows(ticker);
    }
}
