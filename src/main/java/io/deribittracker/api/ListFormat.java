package io.deribittracker.api;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.util.MimeTypeUtils;

/**
 * The two representations of a list: a JSON array of objects, or CSV with a header line (RFC 4180 line ends), and
 * the content negotiation between them. Strict: a media type with {@code q=0} is refused, not chosen; CSV is UTF-8
 * only (its content is ASCII), so {@code text/csv;charset=utf-16} is a 406 rather than a UTF-8 answer labelled as
 * something it is not; a malformed Accept is a 406 naming the header.
 */
enum ListFormat {

    JSON("application/json") {
        @Override
        byte[] start(RowRenderer renderer) {
            return ascii("[");
        }

        @Override
        void append(StringBuilder out, boolean first, RowRenderer renderer, java.util.Map<String, Object> row) {
            if (!first) {
                out.append(',');
            }
            renderer.appendJson(out, row);
        }

        @Override
        byte[] end() {
            return ascii("]");
        }
    },

    CSV("text/csv;charset=utf-8") {
        @Override
        byte[] start(RowRenderer renderer) {
            return ascii(renderer.csvHeader() + "\r\n");
        }

        @Override
        void append(StringBuilder out, boolean first, RowRenderer renderer, java.util.Map<String, Object> row) {
            renderer.appendCsv(out, row);
            out.append("\r\n");
        }

        @Override
        byte[] end() {
            return new byte[0];
        }
    };

    private static final MediaType TEXT_CSV = MediaType.valueOf("text/csv");
    private static final List<String> CSV_CHARSETS = List.of("utf-8", "us-ascii");

    private final String contentType;

    ListFormat(String contentType) {
        this.contentType = contentType;
    }

    String contentType() {
        return contentType;
    }

    abstract byte[] start(RowRenderer renderer);

    /** Appends the row, preceded by the separator unless it is the first. */
    abstract void append(StringBuilder out, boolean first, RowRenderer renderer, java.util.Map<String, Object> row);

    abstract byte[] end();

    /**
     * The format the client prefers among {@code offered} (by quality, then specificity); no Accept, or an empty
     * one, means the first offered.
     */
    static ListFormat negotiate(String accept, List<ListFormat> offered) {
        return acceptable(accept, offered).orElseThrow(() -> new NotAcceptableException(offered));
    }

    static Optional<ListFormat> acceptable(String accept, List<ListFormat> offered) {
        if (accept == null || accept.isBlank()) {
            return Optional.of(offered.get(0));
        }
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            throw new NotAcceptableException(offered, "The Accept header is malformed (" + e.getMessage() + ").");
        }
        MimeTypeUtils.sortBySpecificity(accepted);
        for (MediaType range : accepted.stream()
                .sorted(Comparator.comparingDouble(MediaType::getQualityValue).reversed()).toList()) {
            if (range.getQualityValue() == 0) {
                continue;
            }
            for (ListFormat format : offered) {
                if (format.matches(range)) {
                    return Optional.of(format);
                }
            }
        }
        return Optional.empty();
    }

    private boolean matches(MediaType range) {
        if (this == JSON) {
            return range.includes(MediaType.APPLICATION_JSON);
        }
        String charset = range.getParameter("charset");
        return range.includes(TEXT_CSV) && (charset == null || CSV_CHARSETS.contains(charset.toLowerCase(Locale.ROOT)));
    }

    /** The value of {@code format=}: json or csv, any case; anything else is a 400 naming the parameter. */
    static ListFormat named(String format) {
        return switch (format.strip().toLowerCase(Locale.ROOT)) {
            case "json" -> JSON;
            case "csv" -> CSV;
            default -> throw new InvalidParameterException(QueryParameters.FORMAT,
                    "format '" + format + "' is neither json nor csv. Leave it out to choose by the Accept header.");
        };
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
