package io.deribittracker.api;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import org.springframework.stereotype.Component;
import org.webjars.WebJarVersionLocator;

/**
 * The pages and assets of the public port, served from the jar: everything under {@code static/} (the chart page
 * at {@code /}, the documentation pages), {@code /docs} and {@code /redoc} as short addresses of the two
 * documentation pages, and the webjars' files under version-less addresses ({@code /webjars/redoc/...}), so a page
 * needs no edit when a webjar is upgraded. Routed after the API operations: a request for an operation never
 * touches the file system.
 */
@Component
class StaticResources {

    private static final String WEBJARS = "META-INF/resources/webjars/";
    /** after every API operation (Camel's routes are numbered from 0 as they start) */
    private static final int AFTER_THE_API = 100_000;

    private final WebJarVersionLocator webjars = new WebJarVersionLocator();

    void install(Router router) {
        router.get("/docs").order(AFTER_THE_API).handler(ctx -> ctx.reroute("/docs/index.html"));
        router.get("/redoc").order(AFTER_THE_API).handler(ctx -> ctx.reroute("/redoc/index.html"));
        router.get("/webjars/*").order(AFTER_THE_API).handler(this::webjar);
        router.route("/*").method(HttpMethod.GET).method(HttpMethod.HEAD).order(AFTER_THE_API + 1).handler(StaticHandler.create("static")
                .setIndexPage("index.html")
                .setDefaultContentEncoding("UTF-8")
                .setMaxAgeSeconds(600));
    }

    private void webjar(RoutingContext ctx) {
        String path = ctx.normalizedPath().substring("/webjars/".length());
        int slash = path.indexOf('/');
        if (slash < 1 || path.contains("..")) {
            ctx.next();
            return;
        }
        String versioned = webjars.path(path.substring(0, slash), path.substring(slash + 1));
        if (versioned == null) {
            ctx.next();
            return;
        }
        ctx.response().putHeader("Cache-Control", "public, max-age=86400");
        ctx.response().sendFile(WEBJARS + versioned).onFailure(ctx::fail);
    }
}
