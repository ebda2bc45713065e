package io.deribittracker.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.deribittracker.support.HttpTestClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * {@code API_CORS_ORIGINS} narrows CORS to the listed sites: the public port's own request handling
 * ({@link PublicRequests} and {@link PublicErrors}, as the service installs them) on a real Vert.x server, in front
 * of a stand-in operation, so that no whole application has to start for one setting.
 */
class CorsOriginsTest {

    private static final String ALLOWED = "https://dashboard.example";

    private static Vertx vertx;
    private static HttpTestClient api;

    @BeforeAll
    static void serveWithOneAllowedOrigin() throws Exception {
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        PublicErrors errors = new PublicErrors(new ObjectMapper(),
                new StaticListableBeanFactory().getBeanProvider(CamelContext.class));
        errors.install(router);
        new PublicRequests(List.of(ALLOWED, "https://other.example"), new SimpleMeterRegistry(), errors).install(router);
        router.get("/last").handler(ctx -> ctx.response().putHeader("Content-Type", "application/json").end("{}"));
        HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        api = new HttpTestClient(server.actualPort());
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aListedOriginIsAllowedByName() {
        HttpResponse<String> response = api.get("/last?ticker=btc", "Origin", ALLOWED);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED);
        assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
    }

    @Test
    void aPreflightFromAListedOriginIsAnswered() {
        HttpResponse<String> preflight = api.send("OPTIONS", "/last?ticker=btc",
                "Origin", ALLOWED, "Access-Control-Request-Method", "GET");

        assertThat(preflight.statusCode()).isBetween(200, 204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED);
    }

    @Test
    void anOriginNotListedGetsAProblemAndNoCorsHeaders() {
        HttpResponse<String> response = api.get("/last?ticker=btc", "Origin", "https://elsewhere.example");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(PublicErrors.CONTENT_TYPE);
        assertThat(response.body()).contains("\"status\":403").contains("Origin");
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void aRequestWithoutOriginIsServedAsUsual() {
        HttpResponse<String> response = api.get("/last?ticker=btc");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }
}
