package io.deribittracker.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deribittracker.support.HttpTestClient;
import io.deribittracker.support.RawHttp;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Requests no well-behaved client sends, written byte for byte on a raw socket (an HTTP client library would refuse
 * or repair most of them), to the layers below the API: Tomcat, Spring Security, Spring MVC, actuator, Jolokia.
 * Each must get an RFC 9457 problem with a 4xx status, no HTML, no empty body, no stack trace, and must not make
 * the service log an ERROR or a WARN: the fault is the client's.
 */
@ExtendWith(OutputCaptureExtension.class)
class MalformedRequestsTest extends OpsReplica {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = HttpTestClient.basic(OpsAccounts.ADMIN_USER, OpsAccounts.ADMIN_PASSWORD)
            .substring("Basic ".length());

    static Stream<Arguments> corpus() {
        String host = "Host: 127.0.0.1\r\n";
        return Stream.of(
                Arguments.of("request line longer than the limit",
                        "GET /actuator/health?x=" + "a".repeat(20_000) + " HTTP/1.1\r\n" + host + "\r\n"),
                Arguments.of("header block longer than the limit",
                        "GET /actuator/health HTTP/1.1\r\n" + host + "X-Padding: " + "b".repeat(20_000) + "\r\n\r\n"),
                Arguments.of("raw control character in the request target",
                        "GET /actuator/health?x=\u0001 HTTP/1.1\r\n" + host + "\r\n"),
                Arguments.of("raw space-like junk in the request target",
                        "GET /actuator/he\"alth HTTP/1.1\r\n" + host + "\r\n"),
                Arguments.of("absolute URI naming another host",
                        "GET http://other.example/actuator/health HTTP/1.1\r\n" + host + "\r\n"),
                Arguments.of("two Host headers", "GET /actuator/health HTTP/1.1\r\n" + host + "Host: other.example\r\n\r\n"),
                Arguments.of("unknown method FOO", "FOO /actuator/health HTTP/1.1\r\n" + host + "\r\n"),
                Arguments.of("WebDAV PROPFIND", "PROPFIND /actuator/health HTTP/1.1\r\n" + host + "\r\n"),
                Arguments.of("TRACE", "TRACE /actuator/health HTTP/1.1\r\n" + host + "\r\n"),
                Arguments.of("CONNECT", "CONNECT 127.0.0.1:5432 HTTP/1.1\r\n" + host + "\r\n"),
                Arguments.of("malformed Accept", "GET /actuator/health HTTP/1.1\r\n" + host + "Accept: text/;;;=\r\n\r\n"),
                Arguments.of("malformed Accept, as the admin",
                        "GET /actuator/metrics HTTP/1.1\r\n" + host + "Authorization: Basic " + ADMIN + "\r\nAccept: ///\r\n\r\n"),
                Arguments.of("parameter name %00", "GET /actuator/health?%00=1 HTTP/1.1\r\n" + host + "\r\n"),
                Arguments.of("parameter name %0d%0a", "GET /actuator/health?a%0d%0ab=1 HTTP/1.1\r\n" + host + "\r\n"),
                Arguments.of("parameter name %7f", "GET /actuator/info?%7f=1 HTTP/1.1\r\n" + host + "\r\n"),
                Arguments.of("parameter name %00, as the admin",
                        "GET /actuator/env?%00=1 HTTP/1.1\r\n" + host + "Authorization: Basic " + ADMIN + "\r\n\r\n"),
                Arguments.of("double slash before jolokia",
                        "GET /actuator//jolokia/version HTTP/1.1\r\n" + host + "Authorization: Basic " + ADMIN + "\r\n\r\n"),
                Arguments.of("encoded letter in jolokia",
                        "GET /actuator/%6aolokia/version HTTP/1.1\r\n" + host + "Authorization: Basic " + ADMIN + "\r\n\r\n"),
                Arguments.of("encoded slash", "GET /actuator%2fhealth HTTP/1.1\r\n" + host + "\r\n"),
                Arguments.of("the error page asked for directly", "GET /error HTTP/1.1\r\n" + host + "\r\n"),
                Arguments.of("HTTP/1.1 without Host", "GET /actuator/health HTTP/1.1\r\n\r\n"),
                Arguments.of("bad Content-Length", "POST /actuator/health HTTP/1.1\r\n" + host + "Content-Length: x\r\n\r\n"),
                // the ordinary refusals of each layer are problems too
                Arguments.of("no login (Spring Security)", "GET /actuator/prometheus HTTP/1.1\r\n" + host + "\r\n"),
                Arguments.of("a wrong password (Spring Security)", "GET /actuator/prometheus HTTP/1.1\r\n" + host
                        + "Authorization: Basic " + HttpTestClient.basic("admin", "wrong").substring("Basic ".length()) + "\r\n\r\n"),
                Arguments.of("an unknown path (Spring MVC)", "GET /nope HTTP/1.1\r\n" + host + "\r\n"),
                Arguments.of("an unknown health group (actuator)", "GET /actuator/health/nosuch HTTP/1.1\r\n" + host + "\r\n"),
                Arguments.of("a method health does not take (Spring MVC)",
                        "POST /actuator/health HTTP/1.1\r\n" + host + "Content-Length: 0\r\n\r\n"),
                Arguments.of("a media type health cannot give (Spring MVC)",
                        "GET /actuator/health HTTP/1.1\r\n" + host + "Accept: application/xml\r\n\r\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isAProblemWithA4xxStatusAndNoErrorLog(String what, String request, CapturedOutput output) throws Exception {
        int logged = output.getAll().length();
        Response response = send(request);

        assertThat(response.status()).as(what + ": " + response).isBetween(400, 499);
        assertThat(response.headers().get("content-type")).as(what + ": " + response).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("status").asInt()).as(what).isEqualTo(response.status());
        assertThat(problem.path("title").asText()).as(what).isNotBlank();
        assertThat(response.body()).as(what).doesNotContain("Exception").doesNotContain("at org.").doesNotContain("logged");

        String log = output.getAll().substring(logged);
        assertThat(log.lines().filter(line -> line.contains(" ERROR ") || line.contains(" WARN ") || line.startsWith("\tat ")))
                .as(what + ": the client's fault is no ERROR, no WARN and no stack trace in the log").isEmpty();
    }

    private Response send(String request) {
        return Response.parse(RawHttp.exchange(managementPort, request));
    }

    record Response(int status, Map<String, String> headers, String body) {

        static Response parse(String raw) {
            int end = raw.indexOf("\r\n\r\n");
            String[] head = (end < 0 ? raw : raw.substring(0, end)).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < head.length; i++) {
                int colon = head[i].indexOf(':');
                if (colon > 0) {
                    headers.put(head[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), head[i].substring(colon + 1).trim());
                }
            }
            String body = end < 0 ? "" : raw.substring(end + 4);
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                body = dechunk(body);
            }
            int status = head[0].startsWith("HTTP/") ? Integer.parseInt(head[0].split(" ")[1]) : -1;
            return new Response(status, headers, body);
        }

        private static String dechunk(String body) {
            StringBuilder out = new StringBuilder();
            int at = 0;
            while (at < body.length()) {
                int lineEnd = body.indexOf("\r\n", at);
                int size = Integer.parseInt(body.substring(at, lineEnd).split(";")[0].trim(), 16);
                if (size == 0) {
                    break;
                }
                out.append(body, lineEnd + 2, lineEnd + 2 + size);
                at = lineEnd + 2 + size + 2;
            }
            return out.toString();
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
        }
    }
}
