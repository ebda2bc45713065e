package io.deribittracker.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.deribittracker.config.CollectorProperties;
import org.springframework.stereotype.Component;

/**
 * Turns what a client writes as {@code ticker} into the canonical index name the collector stores. The accepted
 * names are exactly the collector's configured indices, so the API never offers a ticker that cannot have data;
 * each {@code xxx_usd} index can also be named by its currency code alone ({@code BTC}, {@code eth}), because that
 * is how people say it. Case never matters.
 */
@Component
class TickerResolver {

    private static final String USD_SUFFIX = "_usd";

    /** lower-case spelling -> canonical index name */
    private final Map<String, String> canonicalBySpelling = new LinkedHashMap<>();
    private final List<String> indexNames;

    public TickerResolver(CollectorProperties collector) {
        this.indexNames = collector.indexNames();
        for (String index : indexNames) {
            canonicalBySpelling.put(index, index);
        }
        for (String index : indexNames) {
            if (index.endsWith(USD_SUFFIX)) {
                // an index name always wins over an alias, should a configuration ever make them collide
                canonicalBySpelling.putIfAbsent(index.substring(0, index.length() - USD_SUFFIX.length()), index);
            }
        }
    }

    /** The canonical index name for {@code ticker}, or a 400 that lists what would have been accepted. */
    public String canonical(String ticker) {
        String canonical = canonicalBySpelling.get(ticker.strip().toLowerCase(Locale.ROOT));
        if (canonical == null) {
            throw new InvalidParameterException(QueryParameters.TICKER,
                    "Unknown ticker '" + ticker + "'. " + acceptedValues());
        }
        return canonical;
    }

    /** The other spellings accepted for an index name: its currency code, upper-case, when it has one. */
    public List<String> aliases(String indexName) {
        return canonicalBySpelling.entrySet().stream()
                .filter(e -> e.getValue().equals(indexName) && !e.getKey().equals(indexName))
                .map(e -> e.getKey().toUpperCase(Locale.ROOT))
                .toList();
    }

    /** The sentence every ticker error ends with. */
    public String acceptedValues() {
        String aliases = canonicalBySpelling.entrySet().stream()
                .filter(e -> !e.getKey().equals(e.getValue()))
                .map(e -> e.getKey().toUpperCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
        return "Accepted (case-insensitive): " + String.join(", ", indexNames)
                + (aliases.isEmpty() ? "" : ", or the currency codes " + aliases);
    }
}
