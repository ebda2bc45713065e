package io.deribittracker.collector;

/**
 * Deribit answered, but not with a price this slot can store: an implausible value, or a reply sent outside the
 * slot. Treated like an error reply: retried within the slot, then asked over HTTP, never stored.
 */
class UnusableReplyException extends Exception {

    public UnusableReplyException(String message) {
        super(message);
    }
}
