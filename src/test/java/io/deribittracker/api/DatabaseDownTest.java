package io.deribittracker.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import io.deribittracker.support.HttpTestClient;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.ShutdownTimeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An API replica whose database is unreachable: a port that was free a moment ago, so every connection attempt is
 * refused. (Flyway is off here only because it would otherwise stop the application from starting at all.)
 */
@CamelSpringBootTest
// the migration retries for a database that never comes: closing the context need not wait 10 s for it
@ShutdownTimeout(1)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DatabaseDownTest {

    @DynamicPropertySource
    static void unreachableDatabase(DynamicPropertyRegistry registry) throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        registry.add("spring.datasource.url", () -> "jdbc:postgresql://127.0.0.1:" + closedPort + "/nothing");
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("collector.enabled", () -> "false");
    }

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/last?ticker=btc", "/all?ticker=btc", "/get_between?ticker=eth&start=0&end=60"})
    void everyOperationAnswers503WithinFiveSeconds(String pathAndQuery) {
        long started = System.nanoTime();
        HttpResponse<String> response = new HttpTestClient(port).get(pathAndQuery, "Accept", "text/csv, application/json");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(took).isLessThan(Duration.ofSeconds(5));
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        JsonNode problem = HttpTestClient.json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(503);
        assertThat(problem.get("type").asText()).isEqualTo("urn:deribit-tracker:problem:database-unavailable");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("jdbc:");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/last?tickr=btc", "/get_between?ticker=btc&start=soon&end=1"})
    void badInputIsStillA400WithoutTheDatabase(String pathAndQuery) {
        HttpResponse<String> response = new HttpTestClient(port).get(pathAndQuery);

        assertThat(response.statusCode()).isEqualTo(400);
    }
}
