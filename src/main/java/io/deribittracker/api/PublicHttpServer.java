package io.deribittracker.api;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * The public port ({@code server.port}): one Vert.x HTTP server for everything a client or a browser uses, the API
 * operations (added to its router by Camel's platform-http consumers, through the {@link VertxPlatformHttpRouter}
 * this class registers), {@code /api-doc}, the documentation pages and static assets. Actuator and Hawtio stay on
 * Spring Boot's servlet container, which listens on the management port only (see {@link ServletOnManagementPort}).
 *
 * <p>Why Vert.x rather than Spring MVC for the public port: a request is handled on an event loop and handed to
 * Camel once, instead of passing Spring Security's filter chain and an asynchronous servlet re-dispatch; a response
 * body stream is pumped to the socket only as fast as the client reads it. The server listens last in Spring's
 * start-up (this lifecycle's phase), and until Camel has started its routes every request gets a 503 with
 * Retry-After rather than a 404 (see {@link PublicErrors}).
 */
@Component
class PublicHttpServer implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(PublicHttpServer.class);

    /** Camel's platform-http consumers look their router up under this name when the port is not fixed in Camel. */
    static final String ROUTER_NAME = VertxPlatformHttpRouter.PLATFORM_HTTP_ROUTER_NAME_ZERO;

    private final Vertx vertx;
    private final Router router;
    private final VertxPlatformHttpRouter camelRouter;
    private final HttpServerOptions options;
    private final int port;
    private final ConfigurableEnvironment environment;
    private final PublicErrors errors;
    private volatile HttpServer server;

    public PublicHttpServer(@Value("${server.port:8080}") int port,
                            @Value("${server.address:0.0.0.0}") String address,
                            @Value("${server.max-http-request-header-size:16KB}") DataSize maxHeaderSize,
                            @Value("${tracker.api.max-request-body-size:64KB}") DataSize maxBodySize,
                            @Value("${tracker.api.max-concurrent-lists}") int maxConcurrentLists,
                            PublicRequests requests, PublicErrors errors, StaticResources resources,
                            ConfigurableEnvironment environment) {
        this.port = port;
        this.environment = environment;
        // a list answer occupies a worker thread while it streams to a slow client (ListAnswers), so the worker pool
        // has room for every list slot and the short requests beside them, and a long stream is not "blocked"
        this.vertx = Vertx.vertx(new VertxOptions()
                .setWorkerPoolSize(maxConcurrentLists + VertxOptions.DEFAULT_WORKER_POOL_SIZE)
                .setMaxWorkerExecuteTime(30).setMaxWorkerExecuteTimeUnit(TimeUnit.MINUTES));
        this.options = new HttpServerOptions()
                .setHost(address)
                // JSON and CSV answers are compressed when the client asks (Accept-Encoding: gzip), chunk by chunk as
                // they stream; level 1 costs a fraction of the default's CPU for most of its saving on this text
                .setCompressionSupported(true)
                .setCompressionLevel(1)
                // the request line (path and query) and the header block, as Tomcat limited them before
                .setMaxInitialLineLength((int) maxHeaderSize.toBytes())
                .setMaxHeaderSize((int) maxHeaderSize.toBytes())
                .setIdleTimeout(60).setIdleTimeoutUnit(TimeUnit.SECONDS);
        this.router = Router.router(vertx);
        requests.install(router);
        this.camelRouter = new VertxPlatformHttpRouter(null, vertx, router, ROUTER_NAME) {
            @Override
            public Handler<RoutingContext> bodyHandler() {
                // every operation is a GET; a body is read only to be ignored, and never without a bound
                return BodyHandler.create(false).setBodyLimit(maxBodySize.toBytes());
            }
        };
        resources.install(router);
        errors.install(router);
        this.errors = errors;
    }

    /** The router Camel's platform-http consumers add the API operations to. */
    @Bean(ROUTER_NAME)
    static VertxPlatformHttpRouter platformHttpRouter(PublicHttpServer server) {
        return server.camelRouter;
    }

    @Override
    public void start() {
        HttpServer created = vertx.createHttpServer(options)
                .invalidRequestHandler(errors::invalidRequest)
                .requestHandler(router);
        server = created.listen(port).toCompletionStage().toCompletableFuture().join();
        publishPort(server.actualPort());
        LOG.info("Public HTTP port {} (API, /api-doc, /docs, /redoc, static pages)", server.actualPort());
    }

    @Override
    public void stop() {
        HttpServer running = server;
        server = null;
        if (running != null) {
            running.close().toCompletionStage().toCompletableFuture().join();
        }
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }

    /** Last to start (after the servlet container), first to stop; Camel itself stops before any lifecycle. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    public int port() {
        HttpServer running = server;
        return running == null ? port : running.actualPort();
    }

    /**
     * {@code local.server.port}, as Spring Boot's own server publishes it: with {@code server.port=0} (tests) it is
     * the only way to learn the port. Spring Boot wrote the disabled servlet port there before this runs.
     */
    @SuppressWarnings("unchecked")
    private void publishPort(int actualPort) {
        PropertySource<?> existing = environment.getPropertySources().get("server.ports");
        Map<String, Object> ports;
        if (existing instanceof MapPropertySource map) {
            ports = (Map<String, Object>) map.getSource();
        } else {
            ports = new HashMap<>();
            environment.getPropertySources().addFirst(new MapPropertySource("server.ports", ports));
        }
        ports.put("local.server.port", actualPort);
    }
}
