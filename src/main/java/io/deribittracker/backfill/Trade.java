package io.deribittracker.backfill;

import java.math.BigDecimal;
import java.time.Instant;

/** One public trade as back-fill sees it: when it happened and the index price Deribit stamped on it. */
record Trade(Instant timestamp, BigDecimal indexPrice) {
}
