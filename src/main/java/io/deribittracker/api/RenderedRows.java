package io.deribittracker.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * The body of a list answer: rows pulled from the database cursor only as fast as the HTTP client reads them,
 * rendered a batch at a time. Nothing but one batch (and the driver's fetch of rows) is ever in memory, which lets a
 * year of minutes (~60 MB of JSON) go out of a 256 MB heap. The Vert.x engine reads it on a worker thread and pumps
 * it to the socket with backpressure: a slow client pauses the reads, and with them the cursor. The cursor and its
 * connection are closed by camel-jdbc when the exchange completes, after the response has been written.
 *
 * <p>If the client goes away, {@link #abandon()} makes the stream end at the next read, so the cursor is not read to
 * its end for nobody.
 */
final class RenderedRows extends InputStream {

    /** Rows rendered per refill: big enough to amortise the bookkeeping, small enough to stay a few kilobytes. */
    private static final int ROWS_PER_BATCH = 256;

    private final Iterator<Map<String, Object>> rows;
    private final ListFormat format;
    private final RowRenderer renderer;
    private final StringBuilder text = new StringBuilder(ROWS_PER_BATCH * 120);

    private static final byte[] EMPTY = new byte[0];

    private byte[] batch = EMPTY;
    private int position;
    private boolean started;
    private boolean first = true;
    private boolean ended;
    private volatile boolean abandoned;

    RenderedRows(Iterator<Map<String, Object>> rows, ListFormat format, RowRenderer renderer) {
        this.rows = rows;
        this.format = format;
        this.renderer = renderer;
    }

    void abandon() {
        abandoned = true;
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

    /** The next batch, or false (and nothing left to read, however often read is called again) at the end. */
    private boolean refill() {
        position = 0;
        batch = EMPTY;
        if (abandoned) {
            return false;
        }
        if (!started) {
            started = true;
            batch = format.start(renderer);
            return true;
        }
        if (rows.hasNext()) {
            text.setLength(0);
            for (int i = 0; i < ROWS_PER_BATCH && rows.hasNext(); i++) {
                format.append(text, first, renderer, rows.next());
                first = false;
            }
            batch = text.toString().getBytes(StandardCharsets.US_ASCII);
            return true;
        }
        if (!ended) {
            ended = true;
            batch = format.end();
            return batch.length > 0;
        }
        return false;
    }
}
