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
 * Reads and validates the query string of each operation into a {@link PriceQuery} or {@link CandleQuery}. Each method lists the
 * parameters its operation declares in rest-api.camel.yaml; anything else is rejected (see {@link QueryParameters}).
 * Checks run in a fixed order (unknown or repeated parameters, then ticker, resolution, start, end, order, limit,
 * format) so that a request with several mistakes always gets the same answer.
 */
@Component
public class PriceQueryParser {

    private static final String ORDER_FORMS = "Use asc (oldest first, the default) or desc (newest first).";
    private static final String LIMIT_FORMS = "Use a positive whole number such as 100, or leave limit out for all rows.";

    private final TickerResolver tickers;
    private final Clock clock;

    @Autowired
    public PriceQueryParser(TickerResolver tickers) {
        this(tickers, Clock.systemUTC());
    }

    PriceQueryParser(TickerResolver tickers, Clock clock) {
        this.tickers = tickers;
        this.clock = clock;
    }

    /** {@code GET /all?ticker=&order=&limit=&format=} */
    public PriceQuery all(@Header(Exchange.HTTP_QUERY) String rawQuery, @Header("Accept") String accept) {
        QueryParameters query = QueryParameters.parse(rawQuery, List.of(QueryParameters.TICKER, QueryParameters.ORDER,
                QueryParameters.LIMIT, QueryParameters.FORMAT));
        String ticker = ticker(query);
        return new PriceQuery(ticker, TimeParameter.EARLIEST, TimeParameter.LATEST, descending(query), limit(query),
                format(query, accept));
    }

    /** {@code GET /last?ticker=}: the newest row is the first of a descending list of one. */
    public PriceQuery last(@Header(Exchange.HTTP_QUERY) String rawQuery) {
        QueryParameters query = QueryParameters.parse(rawQuery, List.of(QueryParameters.TICKER));
        return new PriceQuery(ticker(query), TimeParameter.EARLIEST, TimeParameter.LATEST, true, 1L, PriceRowFormat.JSON);
    }

    /** {@code GET /get_between?ticker=&start=&end=&order=&limit=&format=} */
    public PriceQuery between(@Header(Exchange.HTTP_QUERY) String rawQuery, @Header("Accept") String accept) {
        QueryParameters query = QueryParameters.parse(rawQuery, List.of(QueryParameters.TICKER,
                QueryParameters.START, QueryParameters.END, QueryParameters.ORDER, QueryParameters.LIMIT,
                QueryParameters.FORMAT));
        String ticker = ticker(query);
        Instant start = start(query);
        Instant end = end(query, start);
        return new PriceQuery(ticker, start, end, descending(query), limit(query), format(query, accept));
    }

    /** {@code GET /candles?ticker=&resolution=&start=&end=&order=&limit=&format=} */
    public CandleQuery candles(@Header(Exchange.HTTP_QUERY) String rawQuery, @Header("Accept") String accept) {
        QueryParameters query = QueryParameters.parse(rawQuery, List.of(QueryParameters.TICKER,
                QueryParameters.RESOLUTION, QueryParameters.START, QueryParameters.END, QueryParameters.ORDER,
                QueryParameters.LIMIT, QueryParameters.FORMAT));
        String ticker = ticker(query);
        CandleResolution resolution = CandleResolution.parse(
                query.required(QueryParameters.RESOLUTION, CandleResolution.acceptedValues()));
        Instant start = start(query);
        Instant end = end(query, start);
        return new CandleQuery(ticker, resolution, start, end, descending(query), limit(query),
                CandleRowFormat.like(format(query, accept)));
    }

    /** {@code GET /tickers}: takes no parameters, and says so to a client that sends one. */
    public void tickers(@Header(Exchange.HTTP_QUERY) String rawQuery) {
        QueryParameters.parse(rawQuery, List.of());
    }

    private static Instant start(QueryParameters query) {
        return TimeParameter.parse(QueryParameters.START,
                query.required(QueryParameters.START, TimeParameter.ACCEPTED_FORMS));
    }

    /** end is optional and means now: "everything since start" is the common question. */
    private Instant end(QueryParameters query, Instant start) {
        Instant end = query.optional(QueryParameters.END)
                .map(value -> TimeParameter.parse(QueryParameters.END, value))
                .orElseGet(clock::instant);
        if (start.isAfter(end)) {
            throw new InvalidParameterException(QueryParameters.START,
                    "start (" + start + ") is after end (" + end + "); both are inclusive, so start may equal end.");
        }
        return end;
    }

    private static PriceRowFormat format(QueryParameters query, String accept) {
        return PriceRowFormat.choose(query.optional(QueryParameters.FORMAT), accept);
    }

    private String ticker(QueryParameters query) {
        return tickers.canonical(query.required(QueryParameters.TICKER, tickers.acceptedValues()));
    }

    private static boolean descending(QueryParameters query) {
        String order = query.optional(QueryParameters.ORDER).orElse("asc");
        return switch (order.toLowerCase(Locale.ROOT)) {
            case "asc" -> false;
            case "desc" -> true;
            default -> throw new InvalidParameterException(QueryParameters.ORDER,
                    "order '" + order + "' is neither asc nor desc. " + ORDER_FORMS);
        };
    }

    private static Long limit(QueryParameters query) {
        return query.optional(QueryParameters.LIMIT).map(PriceQueryParser::positiveWholeNumber).orElse(null);
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
