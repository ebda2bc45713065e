package io.deribittracker.collector;

import org.apache.camel.component.vertx.websocket.VertxWebsocketComponent;
import org.apache.camel.component.vertx.websocket.VertxWebsocketConfiguration;
import org.apache.camel.component.vertx.websocket.VertxWebsocketEndpoint;

/**
 * camel-vertx-websocket whose client endpoints are {@link DeribitWebsocketEndpoint}s. Registered under the
 * stock {@code vertx-websocket} scheme, so routes keep the standard URIs and options. The annotation names the
 * scheme for Camel, which looks up the stock endpoint-option configurer by it.
 */
@org.apache.camel.spi.annotations.Component("vertx-websocket")
public class DeribitWebsocketComponent extends VertxWebsocketComponent {

    private final ReconnectBackoff backoff;

    public DeribitWebsocketComponent(ReconnectBackoff backoff) {
        this.backoff = backoff;
    }

    @Override
    protected VertxWebsocketEndpoint createEndpointInstance(String uri, VertxWebsocketConfiguration configuration) {
        return new DeribitWebsocketEndpoint(uri, this, configuration, backoff);
    }
}
