package io.deribittracker.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.util.MimeTypeUtils;

/**
 * How a list of prices is written: a JSON array of {@link PriceRecord}s, or CSV ({@code ticker,timestamp,time,price})
 * for clients that send {@code Accept: text/csv}. Rendering is done by hand into bytes because it runs once per row
 * of results that can be a year long; every value is ASCII by construction (a configured index name, digits, an
 * ISO instant), so no escaping is needed.
 */
public enum PriceRowFormat implements RowFormat {

    JSON("application/json", "[", "]", ",") {
        @Override
        void appendRow(StringBuilder out, String ticker, long epochSecond, String price) {
            out.append("{\"ticker\":\"").append(ticker)
                    .append("\",\"price\":").append(jsonNumber(price))
                    .append(",\"timestamp\":").append(epochSecond)
                    .append(",\"time\":\"").append(Instant.ofEpochSecond(epochSecond)).append("\"}");
        }
    },

    CSV("text/csv;charset=utf-8", "ticker,timestamp,time,price\r\n", "", "") {
        @Override
        void appendRow(StringBuilder out, String ticker, long epochSecond, String price) {
            // RFC 4180 line ends
            out.append(ticker).append(',').append(epochSecond).append(',')
                    .append(Instant.ofEpochSecond(epochSecond)).append(',').append(price).append("\r\n");
        }
    };

    private static final MediaType TEXT_CSV = MediaType.valueOf("text/csv");

    private final String contentType;
    private final byte[] start;
    private final byte[] end;
    private final String separator;

    PriceRowFormat(String contentType, String start, String end, String separator) {
        this.contentType = contentType;
        this.start = start.getBytes(StandardCharsets.US_ASCII);
        this.end = end.getBytes(StandardCharsets.US_ASCII);
        this.separator = separator;
    }

    /**
     * CSV when the client prefers {@code text/csv} (by quality, then specificity) to JSON; JSON otherwise,
     * including no {@code Accept} or {@code *}{@code /*}. Spring MVC has already answered 406 to an
     * {@code Accept} that allows neither.
     */
    public static PriceRowFormat negotiate(String accept) {
        if (accept == null || accept.isBlank()) {
            return JSON;
        }
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            return JSON;
        }
        MimeTypeUtils.sortBySpecificity(accepted);
        for (MediaType mediaType : accepted.stream().sorted(
                (a, b) -> Double.compare(b.getQualityValue(), a.getQualityValue())).toList()) {
            if (mediaType.getQualityValue() == 0) {
                continue;
            }
            if (mediaType.includes(MediaType.APPLICATION_JSON)) {
                return JSON;
            }
            if (mediaType.includes(TEXT_CSV)) {
                return CSV;
            }
        }
        return JSON;
    }

    /**
     * {@code format=json|csv} when the client gave it (a link or a script cannot always set Accept), else
     * {@link #negotiate} on the Accept header.
     */
    public static PriceRowFormat choose(Optional<String> format, String accept) {
        return format.map(PriceRowFormat::named).orElseGet(() -> negotiate(accept));
    }

    private static PriceRowFormat named(String format) {
        return switch (format.trim().toLowerCase(Locale.ROOT)) {
            case "json" -> JSON;
            case "csv" -> CSV;
            default -> throw new InvalidParameterException(QueryParameters.FORMAT,
                    "format '" + format + "' is neither json nor csv. Leave it out to choose by the Accept header.");
        };
    }

    @Override
    public String contentType() {
        return contentType;
    }

    @Override
    public boolean csv() {
        return this == CSV;
    }

    @Override
    public byte[] start() {
        return start;
    }

    @Override
    public byte[] end() {
        return end;
    }

    @Override
    public void append(StringBuilder out, boolean first, String ticker, Map<String, Object> row) {
        if (!first) {
            out.append(separator);
        }
        appendRow(out, ticker, ((Number) row.get("epoch_second")).longValue(), (String) row.get("price"));
    }

    abstract void appendRow(StringBuilder out, String ticker, long epochSecond, String price);

    /**
     * PostgreSQL's numeric text is already a valid JSON number, except for the special values numeric allows
     * (NaN, Infinity), which JSON cannot express: those become null rather than invalid JSON.
     */
    static String jsonNumber(String price) {
        char first = price.charAt(0);
        return (first >= '0' && first <= '9') || (first == '-' && price.length() > 1 && Character.isDigit(price.charAt(1)))
                ? price : "null";
    }
}
