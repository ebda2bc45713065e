package io.deribittracker.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;

import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;

/**
 * The response body of {@code /all}, {@code /get_between} and {@code /candles}: rows pulled from the database cursor only as fast as
 * the HTTP client reads them, rendered a batch at a time. Nothing but one batch is ever in memory, which is what lets
 * a year of minutes (525,600 rows, ~60 MB of JSON) go out of a 256 MB heap. The cursor and its connection are closed
 * by camel-jdbc when the exchange completes, after the response has been written.
 */
public final class RenderedPriceRows extends InputStream {

    /** Rows rendered per refill: big enough to amortise the bookkeeping, small enough to stay a few kilobytes. */
    private static final int ROWS_PER_BATCH = 256;

    private final Iterator<Map<String, Object>> rows;
    private final RowFormat format;
    private final String ticker;
    private final StringBuilder text = new StringBuilder(ROWS_PER_BATCH * 110);

    private byte[] batch;
    private int position;
    private boolean started;
    private boolean first = true;
    private boolean ended;

    private RenderedPriceRows(Iterator<Map<String, Object>> rows, RowFormat format, String ticker) {
        this.rows = rows;
        this.format = format;
        this.ticker = ticker;
        this.batch = new byte[0];
    }

    /** Bean method for the price lists: wraps the camel-jdbc {@code StreamList} iterator in the body. */
    public static InputStream render(@Body Iterator<Map<String, Object>> rows,
                                     @ExchangeProperty("priceQuery") PriceQuery query, Exchange exchange) {
        return rendered(rows, query.format(), query.ticker(), query.start(), query.end(), exchange);
    }

    /** Bean method for {@code /candles}: one row per bucket. */
    public static InputStream renderCandles(@Body Iterator<Map<String, Object>> rows,
                                            @ExchangeProperty("candleQuery") CandleQuery query, Exchange exchange) {
        return rendered(rows, query.format(), query.ticker(), query.start(), query.end(), exchange);
    }

    /**
     * Sets the Content-Type and, for CSV, a file name that says what the file holds, so that a browser following a
     * {@code format=csv} link saves {@code btc_usd-1795514400-1795600800.csv} rather than {@code get_between}.
     */
    private static InputStream rendered(Iterator<Map<String, Object>> rows, RowFormat format, String ticker,
                                        Instant start, Instant end, Exchange exchange) {
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, format.contentType());
        if (format.csv()) {
            exchange.getMessage().setHeader("Content-Disposition", "attachment; filename=\"" + ticker + "-"
                    + start.getEpochSecond() + "-" + end.getEpochSecond() + ".csv\"");
        }
        return new RenderedPriceRows(rows, format, ticker);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (position == batch.length) {
            if (!refill()) {
                return -1;
            }
        }
        int count = Math.min(length, batch.length - position);
        System.arraycopy(batch, position, buffer, offset, count);
        position += count;
        return count;
    }

    private boolean refill() {
        position = 0;
        if (!started) {
            started = true;
            batch = format.start();
            return true;
        }
        if (rows.hasNext()) {
            text.setLength(0);
            for (int i = 0; i < ROWS_PER_BATCH && rows.hasNext(); i++) {
                format.append(text, first, ticker, rows.next());
                first = false;
            }
            batch = text.toString().getBytes(StandardCharsets.US_ASCII);
            return true;
        }
        if (!ended) {
            ended = true;
            batch = format.end();
            return true;
        }
        return false;
    }
}
