package io.deribittracker.api;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * One validated question an operation asks the database: its SQL, the values bound to its {@code :?name}
 * placeholders, and how its rows are written. The list-rows route in rest-api.camel.yaml runs any RowQuery and
 * streams its rows; an operation adds a record implementing this (with its own SQL and {@link RowRenderer}) and a
 * parser method that builds it from the operation's parameters.
 */
public interface RowQuery {

    /** A fixed statement (never built from client text) with {@code :?name} placeholders. */
    String sql();

    /** Values for every placeholder of {@link #sql()}. */
    Map<String, Object> sqlParameters();

    RowRenderer renderer();

    /** The canonical index name asked about. */
    String ticker();

    /** First slot included. */
    Instant start();

    /** Last slot included. */
    Instant end();

    /**
     * The name a CSV answer suggests for saving it ({@code Content-Disposition}), saying what the file holds:
     * {@code btc_usd-1795514400-1795600800.csv}, the window asked for in UNIX seconds.
     */
    default String csvFileName() {
        return ticker() + "-" + start().getEpochSecond() + "-" + end().getEpochSecond() + ".csv";
    }

    /**
     * The values every window question binds: the ticker, the inclusive window as SQL bounds, and the limit (null:
     * none, since LIMIT NULL is PostgreSQL for "no limit"). Mutable, for a query to add its own.
     */
    static Map<String, Object> windowParameters(String ticker, Instant start, Instant end, Long limit) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("ticker", ticker);
        parameters.put("start", TimeParameter.sqlBound(start, true));
        parameters.put("end", TimeParameter.sqlBound(end, false));
        parameters.put("limit", limit);
        return parameters;
    }
}
