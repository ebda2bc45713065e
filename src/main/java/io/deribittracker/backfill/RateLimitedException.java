package io.deribittracker.backfill;

/** Deribit answered {@code 10028 too_many_requests} (or HTTP 429): pause longer before asking again. */
class RateLimitedException extends Exception {

    RateLimitedException(String message) {
        super(message);
    }
}
