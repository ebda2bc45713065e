package io.deribittracker.collector;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.deribittracker.config.DeribitProperties;
import io.vertx.core.http.HttpClientOptions;
import org.apache.camel.component.http.HttpComponent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class CollectorConfiguration {

    /** Replaces the stock vertx-websocket component (same scheme) with the session-aware one. */
    @Bean("vertx-websocket")
    DeribitWebsocketComponent vertxWebsocketComponent(DeribitConnectionListener session) {
        return new DeribitWebsocketComponent(new ReconnectBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30)), session);
    }

    /**
     * Vert.x client options for the Deribit socket. The read-idle timeout is the silent-socket watchdog: with
     * heartbeats on, Deribit writes at least once per heartbeat interval, so a socket that stays silent for
     * longer (default two and a half intervals) is dead, and Vert.x closes it; the consumer then reconnects.
     */
    @Bean
    HttpClientOptions deribitClientOptions(DeribitProperties deribit) {
        return new HttpClientOptions()
                .setConnectTimeout((int) deribit.replyTimeout().toMillis())
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                .setReadIdleTimeout((int) deribit.silenceTimeout().toMillis())
                .setMaxWebSocketFrameSize(64 * 1024);
    }

    /**
     * The HTTP fallback's components, with timeouts that end within the slot the fallback is trying to save
     * (the default is three minutes). One per scheme, because Camel resolves {@code http} and {@code https}
     * to separate component instances, and production's Deribit URL is https.
     */
    @Bean("http")
    HttpComponent httpComponent(DeribitProperties deribit) {
        return withReplyTimeout(new HttpComponent(), deribit);
    }

    @Bean("https")
    HttpComponent httpsComponent(DeribitProperties deribit) {
        return withReplyTimeout(new HttpComponent(), deribit);
    }

    private static HttpComponent withReplyTimeout(HttpComponent http, DeribitProperties deribit) {
        long timeout = deribit.replyTimeout().toMillis();
        http.setConnectTimeout(timeout);
        http.setConnectionRequestTimeout(timeout);
        http.setResponseTimeout(timeout);
        http.setSoTimeout(timeout);
        return http;
    }

    @Bean
    WallClockScheduler wallClockScheduler(SlotClock slotClock) {
        return new WallClockScheduler(slotClock);
    }
}
