package io.deribittracker.backfill;

import java.time.Instant;

/** A slot of an index with no row, to be looked up in the trades of {@code instrument}. */
public record MissingSlot(String ticker, String instrument, Instant slot) {
}
