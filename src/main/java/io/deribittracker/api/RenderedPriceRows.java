package io.deribittracker.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.apache.camel.ExchangeProperty;

/**
 * The response body of {@code /all} and {@code /get_between}: rows pulled from the database cursor only as fast as
 * the HTTP client reads them, rendered a batch at a time. Nothing but one batch is ever in memory, which is what lets
 * a year of minutes (525,600 rows, ~60 MB of JSON) go out of a 256 MB heap. The cursor and its connection are closed
 * by camel-jdbc when the exchange completes, after the response has been written.
 */
public final class RenderedPriceRows extends InputStream {

    /** Rows rendered per refill: big enough to amortise the bookkeeping, small enough to stay a few kilobytes. */
    private static final int ROWS_PER_BATCH = 256;

    private final Iterator<Map<String, Object>> rows;
    private final PriceRowFormat format;
    private final String ticker;
    private final StringBuilder text = new StringBuilder(ROWS_PER_BATCH * 110);

    private byte[] batch;
    private int position;
    private boolean started;
    private boolean first = true;
    private boolean ended;

    private RenderedPriceRows(Iterator<Map<String, Object>> rows, PriceRowFormat format, String ticker) {
        this.rows = rows;
        this.format = format;
        this.ticker = ticker;
        this.batch = new byte[0];
    }

    /**
     * Bean method for the route: wraps the camel-jdbc {@code StreamList} iterator in the body and sets the
     * negotiated Content-Type.
     */
    public static InputStream render(@org.apache.camel.Body Iterator<Map<String, Object>> rows,
                                     @Header("Accept") String accept,
                                     @ExchangeProperty("priceQuery") PriceQuery query, Exchange exchange) {
        PriceRowFormat format = PriceRowFormat.negotiate(accept);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, format.contentType());
        return new RenderedPriceRows(rows, format, query.ticker());
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
