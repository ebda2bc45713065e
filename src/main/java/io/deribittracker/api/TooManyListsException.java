package io.deribittracker.api;

/** Every list slot is streaming an answer: a 503 with Retry-After, at once, rather than a wait or a heap at risk. */
class TooManyListsException extends RuntimeException {

    TooManyListsException() {
        super("As many list answers as this instance streams at once are in progress. Try again in a few seconds.");
    }
}
