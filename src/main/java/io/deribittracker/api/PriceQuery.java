package io.deribittracker.api;

import java.time.Instant;
import java.util.Map;

/**
 * A validated question about stored prices: one index, an inclusive time window, an order and an optional limit.
 * {@code /all} is the window spanning the API's whole time range and {@code /last} the newest row of it, so every
 * price operation runs this one statement.
 *
 * @param ticker     canonical index name
 * @param start      first slot included
 * @param end        last slot included
 * @param descending newest first
 * @param limit      at most this many rows; null for all
 */
record PriceQuery(String ticker, Instant start, Instant end, boolean descending, Long limit) implements RowQuery {

    /** Stored sources as a client sees them: ws and http are both the live collection; backfill and demo as they are. */
    static final String SOURCE_AS_SHOWN = "CASE WHEN source IN ('ws', 'http') THEN 'live' ELSE source END";

    /**
     * The price rows, by the primary key's index in either direction. The order is the one part that cannot be a
     * bound parameter (an ORDER BY on a parameter would defeat the index), hence the two fixed spellings.
     */
    private static final String SQL = "SELECT ticker, extract(epoch FROM ts)::bigint AS epoch_second, price::text AS price,"
            + " " + SOURCE_AS_SHOWN + " AS source"
            + " FROM index_price WHERE ticker = :?ticker AND ts BETWEEN :?start AND :?end ORDER BY ts %s LIMIT :?limit";
    private static final String ASCENDING = SQL.formatted("ASC");
    private static final String DESCENDING = SQL.formatted("DESC");

    /** The newest row of one ticker. */
    static PriceQuery newest(String ticker) {
        return new PriceQuery(ticker, TimeParameter.EARLIEST, TimeParameter.LATEST, true, 1L);
    }

    @Override
    public String sql() {
        return descending ? DESCENDING : ASCENDING;
    }

    @Override
    public Map<String, Object> sqlParameters() {
        return RowQuery.windowParameters(ticker, start, end, limit);
    }

    @Override
    public RowRenderer renderer() {
        return PriceRows.INSTANCE;
    }
}
