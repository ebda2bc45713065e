package io.deribittracker.backfill;

import java.time.Instant;

/**
 * One {@code public/get_last_trades_by_instrument_and_time} request for a single trade: the first at or after
 * {@code from} ({@code newest} false) or the last at or before {@code to} ({@code newest} true).
 */
public record HistoryQuery(String instrument, Instant from, Instant to, boolean newest) {

    /** The query string of the HTTP GET (Deribit wants milliseconds). */
    public String queryString() {
        return "instrument_name=" + instrument
                + "&start_timestamp=" + from.toEpochMilli()
                + "&end_timestamp=" + to.toEpochMilli()
                + "&count=1&sorting=" + (newest ? "desc" : "asc");
    }
}
