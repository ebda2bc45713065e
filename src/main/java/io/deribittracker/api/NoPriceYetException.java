package io.deribittracker.api;

/** {@code /last} for a ticker the collector has not stored a price for yet: a 404, not an empty 200. */
public class NoPriceYetException extends RuntimeException {

    public NoPriceYetException(String ticker) {
        super("No price has been recorded for " + ticker + " yet");
    }
}
