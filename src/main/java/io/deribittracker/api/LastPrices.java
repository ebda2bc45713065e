package io.deribittracker.api;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code /last}'s answers, rendered once per stored price and kept until the next one is stored. A new row reaches
 * every replica on the database through PostgreSQL NOTIFY ({@link PriceNotifications}), which drops the ticker's
 * answer here within milliseconds of the commit, on the replica that stored it as on the others. Should
 * notifications stop unnoticed, no answer is older than {@code tracker.api.last-price-max-age}; while the listener
 * is known to be disconnected, answers are not kept at all.
 *
 * <p>A request that missed reads the database; if a notification for its ticker arrives meanwhile, what it read
 * may already be old, so it is answered but not kept (the generation check).
 */
@Component
public class LastPrices {

    private static final List<ListFormat> OFFERED = List.of(ListFormat.JSON);

    private record Answer(byte[] json, long generation, long keptAt) {
    }

    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, Long> generations = new ConcurrentHashMap<>();
    private final long maxAgeNanos;
    private volatile boolean notified;

    public LastPrices(@Value("${tracker.api.last-price-max-age}") Duration maxAge) {
        this.maxAgeNanos = maxAge.toNanos();
    }

    /** The kept answer for the query's ticker, or null; 406 when the client does not accept JSON. */
    public byte[] kept(@Body PriceQuery query, @Header("Accept") String accept, Exchange exchange) {
        ListFormat.negotiate(accept, OFFERED);
        exchange.setProperty("lastPriceGeneration", generations.getOrDefault(query.ticker(), 0L));
        Answer answer = answers.get(query.ticker());
        if (answer == null || System.nanoTime() - answer.keptAt > maxAgeNanos
                || answer.generation != generations.getOrDefault(query.ticker(), 0L)) {
            return null;
        }
        return answer.json;
    }

    /** Renders the row read from the database, and keeps it unless a newer price was announced meanwhile. */
    public byte[] keep(@Body Map<String, Object> row, @ExchangeProperty("rowQuery") PriceQuery query,
                       @ExchangeProperty("lastPriceGeneration") long generation) {
        StringBuilder json = new StringBuilder(160);
        query.renderer().appendJson(json, row);
        byte[] bytes = json.toString().getBytes(StandardCharsets.US_ASCII);
        if (notified && generation == generations.getOrDefault(query.ticker(), 0L)) {
            answers.put(query.ticker(), new Answer(bytes, generation, System.nanoTime()));
        }
        return bytes;
    }

    /** A row of {@code ticker} was stored (by any replica). */
    void stored(String ticker) {
        generations.merge(ticker, 1L, Long::sum);
        answers.remove(ticker);
    }

    /** Whether notifications are being received; without them nothing is kept. */
    void notificationsReceived(boolean listening) {
        notified = listening;
        if (!listening) {
            answers.clear();
        }
    }
}
