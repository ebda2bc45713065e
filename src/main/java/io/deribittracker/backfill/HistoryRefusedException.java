package io.deribittracker.backfill;

/** Deribit will not give this instrument's history (no such perpetual, an error reply): the index is skipped this run. */
class HistoryRefusedException extends Exception {

    HistoryRefusedException(String message) {
        super(message);
    }
}
