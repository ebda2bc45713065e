package io.deribittracker.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The query string of one request, checked against the parameters its operation declares.
 *
 * <p>Why so strict: a misspelt optional parameter ({@code tickr}, {@code lmit}) would otherwise be ignored and the
 * client would get a plausible but wrong answer; a repeated one ({@code ticker=btc&ticker=eth}) has no single
 * meaning. Both are 400s naming the parameter. The raw query string is decoded here (form rules, so {@code +} is a
 * space, as servlet containers do), which keeps these checks independent of how the HTTP engine maps parameters to
 * Camel headers.
 */
public final class QueryParameters {

    public static final String TICKER = "ticker";
    public static final String START = "start";
    public static final String END = "end";
    public static final String ORDER = "order";
    public static final String LIMIT = "limit";
    public static final String FORMAT = "format";
    public static final String RESOLUTION = "resolution";

    private final Map<String, String> values;

    private QueryParameters(Map<String, String> values) {
        this.values = values;
    }

    /** Parses {@code rawQuery} (may be null) and rejects anything not in {@code declared}, or given twice. */
    public static QueryParameters parse(String rawQuery, List<String> declared) {
        Map<String, String> values = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return new QueryParameters(values);
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode("query", equals < 0 ? pair : pair.substring(0, equals));
            String value = decode(name, equals < 0 ? "" : pair.substring(equals + 1));
            if (!declared.contains(name)) {
                throw new InvalidParameterException(name, "Unknown query parameter '" + name + "'. "
                        + (declared.isEmpty() ? "This operation takes no parameters."
                        : "This operation takes only: " + String.join(", ", new TreeSet<>(Set.copyOf(declared))) + "."));
            }
            if (values.putIfAbsent(name, value) != null) {
                throw new InvalidParameterException(name, "The query parameter " + name + " is given more than once; give it once.");
            }
        }
        return new QueryParameters(values);
    }

    /** The value of a parameter the operation requires; missing or empty is a 400 that says what is expected. */
    public String required(String name, String expected) {
        String value = values.get(name);
        if (value == null) {
            throw new InvalidParameterException(name, "The query parameter " + name + " is required. " + expected);
        }
        if (value.isBlank()) {
            throw new InvalidParameterException(name, "The query parameter " + name + " must not be empty. " + expected);
        }
        return value;
    }

    public Optional<String> optional(String name) {
        return Optional.ofNullable(values.get(name));
    }

    private static String decode(String parameter, String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(parameter, "The query string has a malformed %-escape near '" + text + "'.");
        }
    }
}
