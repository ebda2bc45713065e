package io.deribittracker.backfill;

import java.io.IOException;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Back-fill, in the order a run goes: a trigger ({@code direct:backfill-now}: at start-up once the schema is migrated,
 * every {@code backfill.every}, after a reconnect), the run over the missing slots (one at a time, on its own thread,
 * so a live sample never waits for it), the two history requests per slot (throttled), and the insert.
 * <p>
 * Back-filled rows go straight to the database with the same idempotent insert, not through the spool: the spool
 * keeps what could never be fetched again, while a back-fill row can always be fetched again at the next run; and a
 * day of back-fill queued in the spool would make the live samples behind it wait.
 */
@Component
class BackfillRoutes extends RouteBuilder {

    private final BackfillProperties properties;
    private final String deribitHttpUrl;
    private final String insert;

    BackfillRoutes(BackfillProperties properties, @Value("${deribit.http-url}") String deribitHttpUrl,
                   @Value("${tracker.store.insert}") String insert) {
        this.properties = properties;
        this.deribitHttpUrl = deribitHttpUrl;
        this.insert = insert;
    }

    @Override
    public void configure() {
        // One run at a time; a trigger during a run queues at most one more, further ones are dropped (that run
        // will see their slots anyway). The caller never waits.
        from("direct:backfill-now").routeId("backfill-trigger")
                .to("seda:backfill?size=1&discardWhenFull=true");

        from("timer:backfill?delay=" + properties.every().toMillis() + "&period=" + properties.every().toMillis())
                .routeId("backfill-timer")
                .to("direct:backfill-now");

        from("seda:backfill?size=1").routeId("backfill")
                .bean("backfill", "plan")
                .filter(body().isNotNull())
                    .setProperty(Backfill.RUN, body())
                    .split(simple("${body.slots}"))
                        .filter(method("backfill", "shouldFetch"))
                            .to("direct:backfill-slot")
                        .end()
                    .end()
                    .bean("backfill", "report")
                .end();

        from("direct:backfill-slot").routeId("backfill-slot")
                .onException(RateLimitedException.class)
                    .maximumRedeliveries(3)
                    .redeliveryDelay(properties.rateLimitPause().toMillis())
                    .useExponentialBackOff().backOffMultiplier(2)
                    .retryAttemptedLogLevel(LoggingLevel.WARN)
                    .logExhausted(false)
                    .handled(true)
                    .bean("backfill", "refused")
                .end()
                .onException(HistoryRefusedException.class)
                    .logExhausted(false)
                    .handled(true)
                    .bean("backfill", "refused")
                .end()
                .onException(IOException.class)
                    // a timeout or a dropped connection: a few more tries before the run gives up
                    .maximumRedeliveries(3)
                    .redeliveryDelay(1000)
                    .useExponentialBackOff().backOffMultiplier(2)
                    .retryAttemptedLogLevel(LoggingLevel.WARN)
                    .logExhausted(false)
                    .handled(true)
                    .bean("backfill", "abort")
                .end()
                .onException(Exception.class)
                    .logExhausted(false)
                    .handled(true)
                    .bean("backfill", "abort")
                .end()
                .setProperty(Backfill.SLOT, body())
                .setHeader("ticker", simple("${body.ticker}"))
                .setProperty(Backfill.QUERY, method("backfill", "tradeAtOrAfter"))
                .to("direct:backfill-request")
                .setProperty("after", body())
                .setBody(exchangeProperty(Backfill.SLOT))
                .setProperty(Backfill.QUERY, method("backfill", "tradeAtOrBefore"))
                .to("direct:backfill-request")
                .setProperty("before", body())
                .setBody(exchangeProperty(Backfill.SLOT))
                .bean("backfill", "choose")
                .filter(body().isNotNull())
                    .setHeader("CamelJdbcParameters", simple("${body.sqlParameters()}"))
                    .setBody(constant(insert))
                    .to("jdbc:dataSource?useHeadersAsParameters=true")
                    .setBody(exchangeProperty(Backfill.SLOT))
                    .bean("backfill", "stored")
                .end();

        // One history request; no error handler of its own, so a retry by the caller repeats the whole request (the
        // route configuration of collector.camel.yaml: an error handler in the route itself breaks Hawtio's diagram)
        from("direct:backfill-request").routeId("backfill-request")
                .routeConfigurationId("no-error-handler")
                .throttle(properties.maxRequestsPerSecond()).timePeriodMillis(1000)
                .setHeader(Exchange.HTTP_METHOD, constant("GET"))
                .setHeader(Exchange.HTTP_QUERY, simple("${exchangeProperty." + Backfill.QUERY + ".queryString()}"))
                .setBody(constant(null))
                .to(deribitHttpUrl + "/public/get_last_trades_by_instrument_and_time"
                        + "?skipRequestHeaders=true&skipResponseHeaders=true&throwExceptionOnFailure=false")
                .convertBodyTo(String.class)
                .bean("backfill", "readTrade");
    }
}
