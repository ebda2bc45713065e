package io.deribittracker.collector;

import java.util.List;
import java.util.concurrent.TimeUnit;

import io.deribittracker.config.CollectorProperties;
import io.deribittracker.config.DeribitProperties;
import io.vertx.core.http.HttpClientOptions;
import org.apache.camel.component.http.HttpComponent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CollectorConfiguration {

    /** Replaces the stock vertx-websocket component (same scheme) with the one that keeps a single socket. */
    @Bean("vertx-websocket")
    DeribitWebsocketComponent vertxWebsocketComponent(DeribitProperties deribit) {
        return new DeribitWebsocketComponent(new ReconnectBackoff(deribit.reconnectDelay(), deribit.reconnectMaxDelay()));
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
     * The HTTP fallback's components, whose timeouts end within the share of the slot reserved for the fallback
     * ({@link SlotBudget#httpTimeout()}; the library's default is three minutes): half for connecting, half for
     * the answer. One per scheme, because Camel resolves {@code http} and {@code https} to separate component
     * instances, and production's Deribit URL is https.
     */
    @Bean("http")
    HttpComponent httpComponent(SlotBudget budget) {
        return withinTheSlot(new HttpComponent(), budget);
    }

    @Bean("https")
    HttpComponent httpsComponent(SlotBudget budget) {
        return withinTheSlot(new HttpComponent(), budget);
    }

    private static HttpComponent withinTheSlot(HttpComponent http, SlotBudget budget) {
        long half = Math.max(1, budget.httpTimeout().toMillis() / 2);
        http.setConnectTimeout(half);
        http.setConnectionRequestTimeout(half);
        http.setResponseTimeout(half);
        http.setSoTimeout(half);
        return http;
    }

    @Bean
    WallClockScheduler wallClockScheduler(SlotClock slotClock) {
        return new WallClockScheduler(slotClock);
    }

    /** The configured index names, normalised, for the tick's split ({@code ${ref:indexNames}}). */
    @Bean
    List<String> indexNames(CollectorProperties collector) {
        return collector.indexNames();
    }
}
