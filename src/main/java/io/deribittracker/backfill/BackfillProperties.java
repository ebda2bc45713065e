package io.deribittracker.backfill;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Back-fill from Deribit's trade history ({@code BACKFILL_*} environment variables).
 *
 * @param window                how far back missing slots are looked for; {@code 0s} turns back-fill off
 * @param every                 a run every so often, besides the one at start-up and after a reconnect
 * @param maxRequestsPerSecond  Deribit requests per second the back-fill may make
 * @param rateLimitPause        the pause after a {@code too_many_requests} (10028), doubled on each of three retries
 * @param instruments           {@code index=INSTRUMENT} pairs overriding which perpetual's trades stand for an index
 */
@ConfigurationProperties("backfill")
public record BackfillProperties(
        Duration window,
        Duration every,
        int maxRequestsPerSecond,
        Duration rateLimitPause,
        List<String> instruments) {

    public BackfillProperties {
        if (window.isNegative()) {
            throw new IllegalArgumentException("backfill.window (BACKFILL_WINDOW) must be 0s (off) or positive, was " + window);
        }
        if (maxRequestsPerSecond < 1) {
            throw new IllegalArgumentException("backfill.max-requests-per-second must be at least 1");
        }
        instruments = instruments == null ? List.of() : instruments;
    }

    public boolean enabled() {
        return !window.isZero();
    }

    /** The window as the log lines write it: 24h, 1h30m, 30s. */
    public String windowText() {
        return window.toString().substring(2).toLowerCase(Locale.ROOT);
    }

    /**
     * The perpetual whose trades carry {@code index}'s price: the configured one, else {@code btc_usd} →
     * {@code BTC-PERPETUAL}, {@code eth_usd} → {@code ETH-PERPETUAL}, {@code <base>_usdc} →
     * {@code <BASE>_USDC-PERPETUAL}; null when none is known.
     */
    public String instrumentFor(String index) {
        Map<String, String> configured = instruments.stream()
                .map(pair -> pair.split("=", 2))
                .filter(pair -> pair.length == 2)
                .collect(Collectors.toMap(pair -> pair[0].trim().toLowerCase(Locale.ROOT), pair -> pair[1].trim(), (a, b) -> b));
        if (configured.containsKey(index)) {
            return configured.get(index);
        }
        return switch (index) {
            case "btc_usd" -> "BTC-PERPETUAL";
            case "eth_usd" -> "ETH-PERPETUAL";
            default -> index.endsWith("_usdc")
                    ? index.substring(0, index.length() - "_usdc".length()).toUpperCase(Locale.ROOT) + "_USDC-PERPETUAL"
                    : null;
        };
    }
}
