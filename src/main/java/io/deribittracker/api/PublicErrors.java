package io.deribittracker.api;

import java.nio.channels.ClosedChannelException;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.VertxException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.apache.camel.CamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.model.rest.RestDefinition;
import org.apache.camel.model.rest.VerbDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * Every error the public port answers outside an API route, as an RFC 9457 problem: a request the HTTP codec
 * rejects (over-long line or headers, control characters), an unknown path, a method other than GET, a failure
 * while a response was being written. The API routes' own problems (bad parameters, database down) are described
 * by {@link ApiProblems}.
 *
 * <p>While Camel is still starting the API routes, an unknown path may be one whose route is not there yet:
 * it gets a 503 with Retry-After, never a 404 that would tell a client or load balancer the operation does not
 * exist. A failure after the response head was sent cannot become a problem any more: the connection is closed
 * without the last chunk, so the client sees an aborted response rather than a complete-looking truncated one.
 */
@Component
class PublicErrors {

    private static final Logger LOG = LoggerFactory.getLogger(PublicErrors.class);
    static final String CONTENT_TYPE = "application/problem+json";

    private final ObjectMapper json;
    private final ObjectProvider<CamelContext> camel;
    private Router router;

    PublicErrors(ObjectMapper json, ObjectProvider<CamelContext> camel) {
        this.json = json;
        this.camel = camel;
    }

    void install(Router router) {
        this.router = router;
        router.errorHandler(400, ctx -> send(ctx.response(), problem(400, "The request is malformed.")));
        router.errorHandler(403, ctx -> send(ctx.response(), problem(403, "The request's Origin is not allowed here.")));
        router.errorHandler(404, this::notFound);
        router.errorHandler(405, ctx -> {
            ctx.response().putHeader("Allow", "GET");
            send(ctx.response(), problem(405, "Only GET is served here; " + ctx.request().method().name() + " is not."));
        });
        router.errorHandler(406, ctx -> send(ctx.response(), problem(406, "No representation the Accept header allows.")));
        router.errorHandler(413, ctx -> send(ctx.response(), problem(413, "The request body is too large.")));
        router.errorHandler(500, this::failed);
    }

    /** The HTTP codec could not read the request: answer once and close the connection. */
    void invalidRequest(HttpServerRequest request) {
        Throwable cause = request.decoderResult().cause();
        int status = cause instanceof TooLongHttpLineException ? 414
                : cause instanceof TooLongHttpHeaderException || cause instanceof TooLongFrameException ? 431 : 400;
        String detail = switch (status) {
            case 414 -> "The request line (path and query) is too long.";
            case 431 -> "The request headers are too large.";
            default -> "The request is not valid HTTP/1.1 (for example a control character in the request line).";
        };
        LOG.debug("Rejected an invalid request: {}", cause == null ? "unknown" : cause.toString());
        HttpServerResponse response = request.response();
        response.putHeader("Connection", "close");
        send(response, problem(status, detail));
    }

    void badRequest(RoutingContext ctx, String detail) {
        send(ctx.response(), problem(400, detail));
    }

    private void notFound(RoutingContext ctx) {
        if (!serving()) {
            ctx.put(PublicRequests.URI_TAG, "STARTING");
            ctx.response().putHeader("Retry-After", "1");
            send(ctx.response(), new Problem(Problem.STARTING, "Starting", 503,
                    "The service is starting; try again in a second.", null));
            return;
        }
        ctx.put(PublicRequests.URI_TAG, "NOT_FOUND");
        send(ctx.response(), problem(404, "Nothing is served at this path. The operations are listed at /api-doc and /docs."));
    }

    private void failed(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (isClientGone(failure) || ctx.response().closed()) {
            LOG.debug("The client went away before its response was written: {}", String.valueOf(failure));
        } else if (!ctx.response().headWritten()) {
            LOG.error("Answering 500 to a request that failed unexpectedly", failure);
        } else {
            LOG.warn("A response failed after it had started; the connection is closed so the client sees it "
                    + "incomplete ({})", String.valueOf(failure));
        }
        if (ctx.response().headWritten() || ctx.response().closed()) {
            if (!ctx.response().closed()) {
                ctx.request().connection().close();
            }
            return;
        }
        send(ctx.response(), new Problem(Problem.INTERNAL_ERROR, "Internal error", 500,
                "The request failed on our side; it has been logged.", null));
    }

    /**
     * True once Camel has started and every operation of the Rest DSL has its route on this server's router (Camel's
     * route list and statuses are not enough: the supervising route controller starts routes after the context).
     */
    private boolean serving() {
        CamelContext context = camel.getIfAvailable();
        if (context == null || !context.getStatus().isStarted()) {
            return false;
        }
        Set<String> routed = router.getRoutes().stream().map(io.vertx.ext.web.Route::getPath)
                .filter(Objects::nonNull).collect(Collectors.toSet());
        for (RestDefinition rest : context.getCamelContextExtension().getContextPlugin(Model.class).getRestDefinitions()) {
            for (VerbDefinition verb : rest.getVerbs()) {
                if (!routed.contains(OperationParameters.joined(rest.getPath(), verb.getPath()))) {
                    return false;
                }
            }
        }
        return true;
    }

    static boolean isClientGone(Throwable failure) {
        // Spring's list: a broken pipe or a reset (read from the message, as the JDK gives no type), an EOF, an abort
        if (DisconnectedClientHelper.isClientDisconnectedException(failure)) {
            return true;
        }
        // and how Vert.x and Netty say it
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpClosedException || cause instanceof ClosedChannelException
                    || cause instanceof VertxException vertx && "Connection was closed".equals(vertx.getMessage())) {
                return true;
            }
        }
        return false;
    }

    private static Problem problem(int status, String detail) {
        return new Problem("about:blank", io.netty.handler.codec.http.HttpResponseStatus.valueOf(status).reasonPhrase(),
                status, detail, null);
    }

    private void send(HttpServerResponse response, Problem problem) {
        if (response.ended() || response.closed()) {
            return;
        }
        try {
            response.setStatusCode(problem.status())
                    .putHeader("Content-Type", CONTENT_TYPE)
                    .end(Buffer.buffer(json.writeValueAsBytes(problem)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
