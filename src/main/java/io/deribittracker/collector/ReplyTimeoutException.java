package io.deribittracker.collector;

import java.time.Duration;

/** A request sent on the WebSocket got no reply in time. */
class ReplyTimeoutException extends Exception {

    public ReplyTimeoutException(String method, long id, Duration timeout) {
        super("No reply from Deribit to " + method + " (id " + id + ") within " + timeout.toMillis() + " ms");
    }
}
