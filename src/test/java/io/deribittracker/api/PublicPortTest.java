package io.deribittracker.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.deribittracker.support.HttpTestClient;
import io.deribittracker.support.RawHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

/**
 * The public port as a careless or hostile client meets it: every malformed request gets an RFC 9457 problem with a
 * status naming the client's mistake (4xx), or its real answer where the request is merely unusual (an absolute
 * URI), and never an ERROR in the log. And CORS, for browsers on other sites.
 */
class PublicPortTest extends ApiReplica {

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void seedAndWatchTheLog() {
        jdbc.update("INSERT INTO index_price (ticker, ts, price) VALUES ('btc_usd', now(), 1) ON CONFLICT DO NOTHING");
        log.start();
        root.addAppender(log);
    }

    @AfterEach
    void noErrorWasLogged() {
        root.detachAppender(log);
        assertThat(log.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.ERROR)).map(ILoggingEvent::getFormattedMessage))
                .as("ERROR log lines").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "over-long request line          | GET /last?ticker=LONG_VALUE HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n                 | 4",
            "over-long header                | GET /last?ticker=btc HTTP/1.1\\r\\nHost: x\\r\\nX-Big: LONG_VALUE\\r\\n\\r\\n | 4",
            "control character in the path   | GET /la\\u0001st?ticker=btc HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n                | 4",
            "control character in a header   | GET /last?ticker=btc HTTP/1.1\\r\\nHost: x\\r\\nAccept: \\u0001\\r\\n\\r\\n    | 4",
            "absolute URI                    | GET http://elsewhere.example/last?ticker=btc HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n | 2",
            "duplicate Host                  | GET /last?ticker=btc HTTP/1.1\\r\\nHost: x\\r\\nHost: y\\r\\n\\r\\n         | 4",
            "FOO                             | FOO /last?ticker=btc HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n                       | 4",
            "PROPFIND                        | PROPFIND /all?ticker=btc HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n                  | 4",
            "TRACE                           | TRACE /all?ticker=btc HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n                     | 4",
            "CONNECT                         | CONNECT 127.0.0.1:5432 HTTP/1.1\\r\\nHost: 127.0.0.1:5432\\r\\n\\r\\n         | 4",
            "malformed Accept                | GET /all?ticker=btc HTTP/1.1\\r\\nHost: x\\r\\nAccept: ;;;/\\r\\n\\r\\n        | 4",
            "q=0 on the only type            | GET /last?ticker=btc HTTP/1.1\\r\\nHost: x\\r\\nAccept: application/json;q=0\\r\\n\\r\\n | 4",
            "CSV in UTF-16                   | GET /all?ticker=btc HTTP/1.1\\r\\nHost: x\\r\\nAccept: text/csv;charset=utf-16\\r\\n\\r\\n | 4",
            "%00 in a parameter name         | GET /last?tick%00er=btc HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n                    | 4",
            "%0d%0a as a parameter name      | GET /last?ticker=btc&%0d%0a=1 HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n              | 4",
            "%7f in a parameter name         | GET /all?%7f=1&ticker=btc HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n                  | 4",
            "%00 in a value                  | GET /last?ticker=btc%00 HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n                    | 4",
            "a body on a GET, too large      | GET /last?ticker=btc HTTP/1.1\\r\\nHost: x\\r\\nContent-Length: 200000\\r\\n\\r\\nBODY | 4",
            "unknown path                    | GET /wp-login.php HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n                          | 4",
    })
    void everyMalformedRequestGetsAProblem(String what, String request, int statusClass) {
        String raw = request.replace("\\r\\n", "\r\n").replace("\\u0001", "\u0001")
                .replace("LONG_VALUE", "a".repeat(20_000)).replace("BODY", "b".repeat(200_000));

        String response = RawHttp.exchange(port, raw);

        String statusLine = response.lines().findFirst().orElse("");
        assertThat(statusLine).as(what).matches("HTTP/1\\.[01] " + statusClass + "\\d\\d .*");
        String head = response.substring(0, Math.max(0, response.indexOf("\r\n\r\n"))).toLowerCase();
        if (statusClass == 4) {
            assertThat(head).as(what).contains("content-type: application/problem+json");
            assertThat(response).as(what).contains("\"status\":" + statusLine.split(" ")[1]).doesNotContain("Exception");
        }
    }

    @Test
    void aBrowserOnAnotherSiteMayReadThePublicApi() {
        HttpResponse<String> response = api.get("/last?ticker=btc", "Origin", "https://dashboard.example");

        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(api.get("/all?ticker=btc&limit=1", "Origin", "https://dashboard.example").headers()
                .firstValue("Access-Control-Allow-Origin")).hasValue("*");
    }

    @Test
    void aPreflightIsAnswered() {
        HttpResponse<String> preflight = api.send("OPTIONS", "/get_between?ticker=btc&start=0&end=1",
                "Origin", "https://dashboard.example", "Access-Control-Request-Method", "GET",
                "Access-Control-Request-Headers", "accept");

        assertThat(preflight.statusCode()).isBetween(200, 204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("")).contains("GET");
    }

    @Test
    void actuatorSendsNoCorsHeaders() {
        HttpResponse<String> health = new HttpTestClient(managementPort).get("/actuator/health", "Origin", "https://dashboard.example");

        assertThat(health.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }
}
