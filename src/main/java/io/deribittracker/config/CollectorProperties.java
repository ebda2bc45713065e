package io.deribittracker.config;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the collector records and how often ({@code COLLECTOR_*} environment variables).
 *
 * @param indexNames Deribit index names to record, e.g. {@code btc_usd}
 * @param interval   sampling interval; samples are taken at every multiple of it on the UTC wall clock
 * @param enabled    {@code false} runs an API-only replica that never talks to Deribit
 */
@ConfigurationProperties("collector")
public record CollectorProperties(
        List<String> indexNames,
        Duration interval,
        boolean enabled) {

    public static final Duration MINIMUM_INTERVAL = Duration.ofSeconds(1);

    public CollectorProperties {
        if (interval.compareTo(MINIMUM_INTERVAL) < 0) {
            throw new IllegalArgumentException(
                    "collector.interval (COLLECTOR_INTERVAL) must be at least 1s, was " + interval);
        }
        indexNames = indexNames.stream()
                .map(name -> name.trim().toLowerCase(Locale.ROOT))
                .filter(name -> !name.isEmpty())
                .distinct()
                .toList();
        for (String name : indexNames) {
            if (!name.matches("[a-z0-9_]+")) {
                throw new IllegalArgumentException("collector.index-names (COLLECTOR_INDEX_NAMES): '" + name
                        + "' is not a Deribit index name (letters, digits and _)");
            }
        }
        if (indexNames.isEmpty()) {
            throw new IllegalArgumentException("collector.index-names (COLLECTOR_INDEX_NAMES) must name at least one index");
        }
    }
}
