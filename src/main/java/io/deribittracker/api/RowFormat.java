package io.deribittracker.api;

import java.util.Map;

/**
 * How {@link RenderedPriceRows} writes the rows of one list operation: what comes before the first row, between
 * rows and after the last, and each row itself. Implemented per operation and format (prices, candles; JSON, CSV).
 */
interface RowFormat {

    String contentType();

    boolean csv();

    byte[] start();

    byte[] end();

    /** Appends the row, preceded by the separator unless it is the first. */
    void append(StringBuilder out, boolean first, String ticker, Map<String, Object> row);
}
