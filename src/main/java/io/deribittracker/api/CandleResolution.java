package io.deribittracker.api;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The bucket widths {@code /candles} offers, with the names exchanges and ccxt use for them. Buckets are aligned to
 * UTC: every width divides a week, and the SQL bins from a Monday midnight (see rest-api.camel.yaml), so days start
 * at 00:00Z, hours on the hour, and weeks on Monday.
 */
enum CandleResolution {

    M1("1m", "1 minute"),
    M5("5m", "5 minutes"),
    M15("15m", "15 minutes"),
    M30("30m", "30 minutes"),
    H1("1h", "1 hour"),
    H4("4h", "4 hours"),
    D1("1d", "1 day"),
    W1("1w", "7 days");

    private final String label;
    private final String interval;

    CandleResolution(String label, String interval) {
        this.label = label;
        this.interval = interval;
    }

    /**
     * The resolution a client named, or a 400 listing the accepted ones. Case matters: in ccxt's timeframes {@code 1M}
     * is a month, so reading it as one minute would answer a different question.
     */
    public static CandleResolution parse(String value) {
        return Arrays.stream(values()).filter(r -> r.label.equals(value.trim())).findFirst()
                .orElseThrow(() -> new InvalidParameterException(QueryParameters.RESOLUTION,
                        "resolution '" + value + "' is not one this API offers. " + acceptedValues()));
    }

    public static String acceptedValues() {
        return "Accepted: " + Arrays.stream(values()).map(CandleResolution::label).collect(Collectors.joining(", ")) + ".";
    }

    /** As the client writes it, e.g. {@code 1h}. */
    public String label() {
        return label;
    }

    /** The width as a PostgreSQL interval literal, bound as the date_bin stride. */
    public String interval() {
        return interval;
    }
}
