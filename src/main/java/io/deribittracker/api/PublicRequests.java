package io.deribittracker.api;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.CorsHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What every request on the public port passes before its operation, in this order: response headers a browser
 * needs for safety, one Host (RFC 9112), a timer for the HTTP metrics, CORS, and for {@code /api-doc} the scheme
 * the spec's {@code servers} entry is built from. These replace what Spring Security's header writers, Spring
 * MVC's metrics and a servlet filter did when the API ran on the servlet container.
 */
@Component
class PublicRequests {

    /** The meter Spring Boot uses for its own HTTP server, with the same tag keys, so dashboards keep working. */
    static final String METER = "http.server.requests";
    /** a handler may name what it answered, for the uri tag, when no route path does */
    static final String URI_TAG = "metrics.uri";
    private static final String FORWARDED_PROTO = "X-Forwarded-Proto";

    private final List<String> corsOrigins;
    private final MeterRegistry meters;
    private final PublicErrors errors;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    PublicRequests(@Value("${api.cors-origins:*}") List<String> corsOrigins, MeterRegistry meters, PublicErrors errors) {
        this.corsOrigins = corsOrigins;
        this.meters = meters;
        this.errors = errors;
    }

    void install(Router router) {
        router.route().order(-300).handler(this::everyRequest);
        router.route().order(-200).handler(cors());
        router.route("/api-doc*").order(-100).handler(PublicRequests::schemeForTheSpec);
    }

    private void everyRequest(RoutingContext ctx) {
        long started = System.nanoTime();
        HttpServerResponse response = ctx.response();
        response.headers()
                .add("X-Content-Type-Options", "nosniff")
                .add("X-Frame-Options", "DENY")
                .add("Referrer-Policy", "no-referrer")
                .add("Vary", "Accept-Encoding");
        ctx.addEndHandler(done -> time(ctx, started));
        if (ctx.request().headers().getAll("Host").size() > 1) {
            errors.badRequest(ctx, "The request has more than one Host header.");
            return;
        }
        ctx.next();
    }

    /**
     * Access-Control-Allow-Origin: * by default, or the listed origins (api.cors-origins, API_CORS_ORIGINS). Only
     * public, read-only operations live on this port (actuator and Hawtio are on the management port), and no
     * credentials are allowed, so a page on another site can read prices and nothing else.
     */
    private CorsHandler cors() {
        CorsHandler cors = CorsHandler.create();
        if (!corsOrigins.contains("*")) {
            cors.addOrigins(corsOrigins);
        }
        return cors.allowedMethods(Set.of(HttpMethod.GET, HttpMethod.HEAD))
                .allowedHeader("Accept")
                .exposedHeaders(Set.of("Content-Disposition", "Retry-After"))
                .maxAgeSeconds(3600);
    }

    /**
     * camel-openapi-java builds the spec's server URL from X-Forwarded-Proto and Host; without a proxy there is no
     * X-Forwarded-Proto, and the URL would be empty (relative to the spec: Swagger UI would call /api-doc/all).
     * The request's own scheme stands in for it; a proxy's header still wins. HTTP/2 carries the host as its
     * :authority, not as a Host header: it is copied there too.
     */
    private static void schemeForTheSpec(RoutingContext ctx) {
        if (ctx.request().getHeader(FORWARDED_PROTO) == null) {
            ctx.request().headers().set(FORWARDED_PROTO, ctx.request().scheme());
        }
        if (ctx.request().getHeader("Host") == null && ctx.request().authority() != null) {
            ctx.request().headers().set("Host", ctx.request().authority().toString());
        }
        ctx.next();
    }

    private void time(RoutingContext ctx, long started) {
        int status = ctx.response().getStatusCode();
        String method = ctx.request().method().name();
        Route route = ctx.currentRoute();
        String uri = ctx.get(URI_TAG) != null ? ctx.get(URI_TAG)
                : route == null || route.getPath() == null ? "UNKNOWN" : route.getPath();
        String key = method + ' ' + status + ' ' + uri;
        timers.computeIfAbsent(key, k -> Timer.builder(METER)
                        .description("Requests on the public port")
                        .tag("method", method).tag("uri", uri).tag("status", Integer.toString(status))
                        .tag("outcome", outcome(status)).tag("exception", "none").tag("error", "none")
                        .register(meters))
                .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }

    private static String outcome(int status) {
        return switch (status / 100) {
            case 1 -> "INFORMATIONAL";
            case 2 -> "SUCCESS";
            case 3 -> "REDIRECTION";
            case 4 -> "CLIENT_ERROR";
            case 5 -> "SERVER_ERROR";
            default -> "UNKNOWN";
        };
    }
}
