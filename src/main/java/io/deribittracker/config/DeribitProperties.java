package io.deribittracker.config;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Deribit is and how we talk to it ({@code DERIBIT_*} environment variables).
 *
 * @param wsUrl             WebSocket JSON-RPC endpoint, {@code ws://} or {@code wss://}
 * @param httpUrl           HTTP JSON-RPC base, used when the WebSocket does not answer in time
 * @param heartbeatInterval interval asked of Deribit in {@code public/set_heartbeat} (10 s minimum)
 * @param replyTimeout      how long a request waits for its reply on the WebSocket
 * @param silenceTimeout    a socket that receives nothing for this long is closed and replaced (the watchdog);
 *                          should exceed the heartbeat interval, as Deribit writes at least once per interval
 *                          (shorter is only safe while requests keep the socket busy, as in the tests)
 * @param reconnectDelay    the wait after the first failed connection attempt; it doubles with every further failure
 * @param reconnectMaxDelay the longest wait between connection attempts
 */
@ConfigurationProperties("deribit")
public record DeribitProperties(
        URI wsUrl,
        URI httpUrl,
        Duration heartbeatInterval,
        Duration replyTimeout,
        Duration silenceTimeout,
        Duration reconnectDelay,
        Duration reconnectMaxDelay) {

    public DeribitProperties {
        String scheme = wsUrl.getScheme();
        if (!"ws".equals(scheme) && !"wss".equals(scheme)) {
            throw new IllegalArgumentException("deribit.ws-url (DERIBIT_WS_URL) must start with ws:// or wss://, was " + wsUrl);
        }
        if (heartbeatInterval.toSeconds() < 10) {
            throw new IllegalArgumentException("deribit.heartbeat-interval must be at least 10s (Deribit's minimum)");
        }
        if (reconnectDelay.isNegative() || reconnectDelay.isZero() || reconnectMaxDelay.compareTo(reconnectDelay) < 0) {
            throw new IllegalArgumentException("deribit.reconnect-delay must be positive and at most deribit.reconnect-max-delay");
        }
    }
}
