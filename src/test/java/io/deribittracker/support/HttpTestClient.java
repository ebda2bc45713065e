package io.deribittracker.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * Real HTTP requests to the service under test, on either of its ports, with the path and query sent exactly as
 * written. Headers are given as name, value pairs. {@link #as} gives a client that logs in with every request.
 */
public final class HttpTestClient {

    /** decimals as BigDecimal, so a price that lost digits on the way cannot compare equal */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    /** HTTP/1.1, as curl and browsers speak to a plain-text port (no h2c upgrade, one connection per request in flight) */
    private final HttpClient http;
    private final String base;
    /** sent with every request (the login of {@link #as}) */
    private final String[] always;

    public HttpTestClient(int port) {
        this(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build(), "http://127.0.0.1:" + port, new String[0]);
    }

    private HttpTestClient(HttpClient http, String base, String[] always) {
        this.http = http;
        this.base = base;
        this.always = always;
    }

    /** The same port and connections, with HTTP Basic credentials on every request. */
    public HttpTestClient as(String user, String password) {
        return new HttpTestClient(http, base, new String[] {"Authorization", basic(user, password)});
    }

    public HttpResponse<String> get(String pathAndQuery, String... headers) {
        return send("GET", pathAndQuery, headers);
    }

    public HttpResponse<String> send(String method, String pathAndQuery, String... headers) {
        return send(method, pathAndQuery, HttpRequest.BodyPublishers.noBody(), HttpResponse.BodyHandlers.ofString(), headers);
    }

    public HttpResponse<String> postJson(String path, String json, String... headers) {
        String[] withType = Stream.concat(Stream.of("Content-Type", "application/json"), Arrays.stream(headers)).toArray(String[]::new);
        return send("POST", path, HttpRequest.BodyPublishers.ofString(json), HttpResponse.BodyHandlers.ofString(), withType);
    }

    /** The response as soon as its head has arrived; the body is read (or not) by the caller. */
    public HttpResponse<InputStream> stream(String pathAndQuery, String... headers) {
        return send("GET", pathAndQuery, HttpRequest.BodyPublishers.noBody(), HttpResponse.BodyHandlers.ofInputStream(), headers);
    }

    public HttpResponse<byte[]> bytes(String pathAndQuery, String... headers) {
        return send("GET", pathAndQuery, HttpRequest.BodyPublishers.noBody(), HttpResponse.BodyHandlers.ofByteArray(), headers);
    }

    private <T> HttpResponse<T> send(String method, String pathAndQuery, HttpRequest.BodyPublisher body,
                                     HttpResponse.BodyHandler<T> handler, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .timeout(Duration.ofSeconds(60))
                .method(method, body);
        if (always.length > 0) {
            request.headers(always);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return http.send(request.build(), handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(InputStream body) {
        try (body) {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
