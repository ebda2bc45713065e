package io.deribittracker.api;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * The body of a list answer, a batch of rendered rows at a time, pulled from the database cursor only when the
 * previous batch has been handed to the socket. Nothing but one batch (and the driver's fetch of rows) is ever in
 * memory, which lets a year of minutes (~60 MB of JSON) go out of a 256 MB heap.
 */
final class RowBatches {

    /** Rows rendered per batch: big enough to amortise a socket write, small enough to stay a few tens of kB. */
    private static final int ROWS_PER_BATCH = 256;

    private final Iterator<Map<String, Object>> rows;
    private final ListFormat format;
    private final RowRenderer renderer;
    private final StringBuilder text = new StringBuilder(ROWS_PER_BATCH * 120);
    private boolean started;
    private boolean first = true;
    private boolean ended;

    RowBatches(Iterator<Map<String, Object>> rows, ListFormat format, RowRenderer renderer) {
        this.rows = rows;
        this.format = format;
        this.renderer = renderer;
    }

    /** The next bytes to send, or null after the last. */
    byte[] next() {
        if (!started) {
            started = true;
            return format.start(renderer);
        }
        if (rows.hasNext()) {
            text.setLength(0);
            for (int i = 0; i < ROWS_PER_BATCH && rows.hasNext(); i++) {
                format.append(text, first, renderer, rows.next());
                first = false;
            }
            return text.toString().getBytes(StandardCharsets.US_ASCII);
        }
        if (!ended) {
            ended = true;
            byte[] end = format.end();
            return end.length > 0 ? end : null;
        }
        return null;
    }
}
