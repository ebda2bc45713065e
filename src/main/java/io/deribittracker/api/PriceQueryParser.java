package io.deribittracker.api;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Reads and validates the query string of each operation into a {@link PriceQuery} or {@link CandleQuery}. Which
 * parameters an operation takes, and which it requires, is declared once, in rest-api.camel.yaml
 * ({@link OperationParameters}); this class says what each value means. Checks run in a fixed order (unknown,
 * repeated or control characters, then ticker, resolution, start, end, order, limit, format) so that a request with
 * several mistakes always gets the same answer.
 */
@Component
public class PriceQueryParser {

    private static final String ORDER_FORMS = "Use asc (oldest first, the default) or desc (newest first).";
    private static final String LIMIT_FORMS = "Use a positive whole number such as 100, or leave limit out for all rows.";

    private final TickerResolver tickers;
    private final OperationParameters operations;
    private final Clock clock;

    @Autowired
    public PriceQueryParser(TickerResolver tickers, OperationParameters operations) {
        this(tickers, operations, Clock.systemUTC());
    }

    PriceQueryParser(TickerResolver tickers, OperationParameters operations, Clock clock) {
        this.tickers = tickers;
        this.operations = operations;
        this.clock = clock;
    }

    /** {@code GET /all}: the whole time range. */
    public PriceQuery all(@Header(Exchange.HTTP_QUERY) String rawQuery, Exchange exchange) {
        QueryParameters query = QueryParameters.parse(rawQuery, operations.of(exchange));
        String ticker = ticker(query);
        boolean descending = descending(query);
        Long limit = limit(query);
        chooseFormat(query, exchange);
        return new PriceQuery(ticker, TimeParameter.EARLIEST, TimeParameter.LATEST, descending, limit);
    }

    /** {@code GET /last}: the newest row is the first of a descending list of one. */
    public PriceQuery last(@Header(Exchange.HTTP_QUERY) String rawQuery, Exchange exchange) {
        return PriceQuery.newest(ticker(QueryParameters.parse(rawQuery, operations.of(exchange))));
    }

    /** {@code GET /get_between}: start and end both inclusive; end left out is now. */
    public PriceQuery between(@Header(Exchange.HTTP_QUERY) String rawQuery, Exchange exchange) {
        QueryParameters query = QueryParameters.parse(rawQuery, operations.of(exchange));
        String ticker = ticker(query);
        Instant start = start(query);
        Instant end = end(query, start);
        boolean descending = descending(query);
        Long limit = limit(query);
        chooseFormat(query, exchange);
        return new PriceQuery(ticker, start, end, descending, limit);
    }

    /** {@code GET /candles}: the window as in /get_between, grouped into buckets of the resolution. */
    public CandleQuery candles(@Header(Exchange.HTTP_QUERY) String rawQuery, Exchange exchange) {
        QueryParameters query = QueryParameters.parse(rawQuery, operations.of(exchange));
        String ticker = ticker(query);
        CandleResolution resolution = CandleResolution.parse(
                query.get(QueryParameters.RESOLUTION, CandleResolution.acceptedValues()));
        Instant start = start(query);
        Instant end = end(query, start);
        boolean descending = descending(query);
        Long limit = limit(query);
        chooseFormat(query, exchange);
        return new CandleQuery(ticker, resolution, start, end, descending, limit);
    }

    /** {@code GET /tickers}: takes no parameters, and says so to a client that sends one; answers JSON only (or 406). */
    public void tickers(@Header(Exchange.HTTP_QUERY) String rawQuery, @Header("Accept") String accept, Exchange exchange) {
        QueryParameters.parse(rawQuery, operations.of(exchange));
        ListFormat.negotiate(accept, List.of(ListFormat.JSON));
    }

    private static Instant start(QueryParameters query) {
        return TimeParameter.parse(QueryParameters.START, query.get(QueryParameters.START, TimeParameter.ACCEPTED_FORMS));
    }

    /** end is optional and means now: "everything since start" is the common question. */
    private Instant end(QueryParameters query, Instant start) {
        String value = query.get(QueryParameters.END, TimeParameter.ACCEPTED_FORMS);
        Instant end = value == null ? clock.instant() : TimeParameter.parse(QueryParameters.END, value);
        if (start.isAfter(end)) {
            throw new InvalidParameterException(QueryParameters.START,
                    "start (" + start + ") is after end (" + end + "); both are inclusive, so start may equal end.");
        }
        return end;
    }

    /** format=json|csv fixes the representation, whatever Accept says; left out, the Accept header decides. */
    private static void chooseFormat(QueryParameters query, Exchange exchange) {
        String format = query.get(QueryParameters.FORMAT, "");
        if (format != null) {
            exchange.setProperty(ListAnswers.FORMAT, ListFormat.named(format));
        }
    }

    private String ticker(QueryParameters query) {
        return tickers.canonical(query.get(QueryParameters.TICKER, tickers.acceptedValues()));
    }

    private static boolean descending(QueryParameters query) {
        String order = query.get(QueryParameters.ORDER, ORDER_FORMS);
        if (order == null) {
            return false;
        }
        return switch (order.toLowerCase(Locale.ROOT)) {
            case "asc" -> false;
            case "desc" -> true;
            default -> throw new InvalidParameterException(QueryParameters.ORDER,
                    "order '" + order + "' is neither asc nor desc. " + ORDER_FORMS);
        };
    }

    private static Long limit(QueryParameters query) {
        String limit = query.get(QueryParameters.LIMIT, LIMIT_FORMS);
        return limit == null ? null : positiveWholeNumber(limit);
    }

    private static Long positiveWholeNumber(String limit) {
        long value;
        try {
            value = limit.matches("[0-9]+") ? Long.parseLong(limit) : -1;
        } catch (NumberFormatException tooLarge) {
            // more rows than a bigint can count: the same as no limit, but say so rather than guess
            throw new InvalidParameterException(QueryParameters.LIMIT,
                    "limit '" + limit + "' is larger than 9223372036854775807. " + LIMIT_FORMS);
        }
        if (value < 1) {
            throw new InvalidParameterException(QueryParameters.LIMIT,
                    "limit '" + limit + "' is not a positive whole number. " + LIMIT_FORMS);
        }
        return value;
    }
}
