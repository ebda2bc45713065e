package io.deribittracker.collector;

import io.deribittracker.config.CollectorProperties;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The collector's clock: at every interval boundary, one fetch per configured index, all for the same slot.
 * Java rather than YAML because it reads the typed, normalised index list from {@link CollectorProperties}.
 */
@Component
public class CollectorTickRoute extends RouteBuilder {

    private final CollectorProperties collector;

    public CollectorTickRoute(CollectorProperties collector) {
        this.collector = collector;
    }

    @Override
    public void configure() {
        from("scheduler:collector?scheduler=#wallClockScheduler")
                .routeId("collector-tick")
                .routeDescription("At every interval boundary of the UTC wall clock, fetch each configured index price")
                .autoStartup(collector.enabled())
                // started last, stopped first: on shutdown no new slot begins while the queue is flushed
                .startupOrder(50)
                .setHeader("slot", method("slotClock", "currentSlot"))
                .split(constant(collector.indexNames()))
                    .setHeader("ticker", body())
                    // hand off at once: each fetch has until the end of its slot, and the tick must not wait for it
                    .to("seda:fetch-index-price?waitForTaskToComplete=Never")
                .end();
    }
}
