package io.deribittracker.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The query string of one request, checked against the parameters its operation declares (names, and which are
 * required, from the Rest DSL: {@link OperationParameters}).
 *
 * <p>Why so strict: a misspelt optional parameter ({@code tickr}, {@code lmit}) would otherwise be ignored and the
 * client would get a plausible but wrong answer; a repeated one ({@code ticker=btc&ticker=eth}) has no single
 * meaning; a control character ({@code ticker=btc%00}) is never part of a valid value. Each is a 400 naming the
 * parameter. The raw query string is decoded here (form rules, so {@code +} is a space, as servlet containers do),
 * which keeps these checks independent of how the HTTP engine maps parameters to Camel headers.
 */
final class QueryParameters {

    public static final String TICKER = "ticker";
    public static final String START = "start";
    public static final String END = "end";
    public static final String ORDER = "order";
    public static final String LIMIT = "limit";
    public static final String FORMAT = "format";
    public static final String RESOLUTION = "resolution";

    private final Map<String, String> values;
    private final Map<String, Boolean> declared;

    private QueryParameters(Map<String, String> values, Map<String, Boolean> declared) {
        this.values = values;
        this.declared = declared;
    }

    /** Parses {@code rawQuery} (may be null) and rejects anything not {@code declared} (name -> required), or given twice. */
    public static QueryParameters parse(String rawQuery, Map<String, Boolean> declared) {
        Map<String, String> values = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String rawName = equals < 0 ? pair : pair.substring(0, equals);
                String name = decode("query", rawName);
                if (!declared.containsKey(name)) {
                    // a name with control characters is named as it was sent (still %-encoded)
                    String shown = hasControlCharacter(name) ? rawName : name;
                    throw new InvalidParameterException(shown, "Unknown query parameter '" + shown + "'. "
                            + (declared.isEmpty() ? "This operation takes no parameters."
                            : "This operation takes only: " + String.join(", ", new TreeSet<>(declared.keySet())) + "."));
                }
                String value = decode(name, equals < 0 ? "" : pair.substring(equals + 1));
                if (hasControlCharacter(value)) {
                    throw new InvalidParameterException(name, "The query parameter " + name
                            + " contains a control character (such as %00 or a line break); no valid value has one.");
                }
                if (values.putIfAbsent(name, value) != null) {
                    throw new InvalidParameterException(name, "The query parameter " + name + " is given more than once; give it once.");
                }
            }
        }
        return new QueryParameters(values, declared);
    }

    /**
     * The value of a declared parameter: a 400 when it is required and missing, or given but empty (each saying
     * what is {@code expected}); null when it is optional and left out.
     */
    public String get(String name, String expected) {
        String value = values.get(name);
        if (value == null) {
            if (Boolean.TRUE.equals(declared.get(name))) {
                throw new InvalidParameterException(name, "The query parameter " + name + " is required. " + expected);
            }
            return null;
        }
        if (value.isBlank() && Boolean.TRUE.equals(declared.get(name))) {
            throw new InvalidParameterException(name, "The query parameter " + name + " must not be empty. " + expected);
        }
        return value;
    }

    private static boolean hasControlCharacter(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }

    private static String decode(String parameter, String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(parameter, "The query string has a malformed %-escape near '" + text + "'.");
        }
    }
}
