package io.deribittracker.storage;

/** A spool file that is not a whole sample; it is moved aside, never retried. */
class CorruptSpoolEntryException extends Exception {

    CorruptSpoolEntryException(Throwable cause) {
        super(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage(), cause);
    }
}
