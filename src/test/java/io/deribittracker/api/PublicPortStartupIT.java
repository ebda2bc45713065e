package io.deribittracker.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.deribittracker.DeribitTrackerApplication;
import io.deribittracker.support.HttpTestClient;
import io.deribittracker.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * From the first connection the public port accepts, an API path answers either for real or with a 503 problem and
 * Retry-After: never a 404 that would tell a client or a load balancer the operation does not exist.
 */
class PublicPortStartupIT {

    @Test
    void fromTheFirstAcceptedConnectionApiPathsAnswerOr503NeverA404() throws Exception {
        int port;
        int managementPort;
        try (ServerSocket probe = new ServerSocket(0); ServerSocket management = new ServerSocket(0)) {
            port = probe.getLocalPort();
            managementPort = management.getLocalPort();
        }
        CompletableFuture<ConfigurableApplicationContext> starting = CompletableFuture.supplyAsync(() ->
                new SpringApplicationBuilder(DeribitTrackerApplication.class).run(
                        "--server.port=" + port, "--management.server.port=" + managementPort, "--collector.enabled=false",
                        "--spring.datasource.url=" + TestDatabase.url("api"),
                        "--spring.datasource.username=" + TestDatabase.username(),
                        "--spring.jmx.unique-names=true", "--camel.main.jmx-management-name-pattern=#name#-startup"));
        HttpTestClient http = new HttpTestClient(port);
        HttpTestClient management = new HttpTestClient(managementPort);
        List<String> answers = new ArrayList<>();
        List<String> probes = new ArrayList<>();
        int okInARow = 0;
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        try {
            while (okInARow < 5 && System.nanoTime() < deadline) {
                HttpResponse<String> response;
                try {
                    response = http.get("/all?ticker=btc&limit=1");
                } catch (UncheckedIOException e) {
                    if (e.getCause() instanceof ConnectException) {
                        // until the port accepts a connection (or the start failed), probing every 5 ms
                        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(5))
                                .until(() -> starting.isCompletedExceptionally() || accepts(port));
                        if (starting.isCompletedExceptionally()) {
                            starting.join();
                        }
                    } else {
                        answers.add("IO " + e.getCause());
                    }
                    continue;
                }
                answers.add(response.statusCode() + " " + response.headers().firstValue("Retry-After").orElse("-"));
                // health answers within 2 s in this state too: readiness DOWN until the API serves, liveness DOWN
                // until the application has started (Spring Boot's liveness state; hence a startupProbe), then UP
                if (accepts(managementPort)) {
                    long asked = System.nanoTime();
                    int readiness = management.get("/actuator/health/readiness").statusCode();
                    int liveness = management.get("/actuator/health/liveness").statusCode();
                    probes.add(readiness + "/" + liveness);
                    assertThat(Duration.ofNanos(System.nanoTime() - asked)).as("two probes while starting")
                            .isLessThan(Duration.ofSeconds(4));
                    assertThat(readiness).as(probes.toString()).isIn(200, 503);
                    assertThat(liveness).as(probes.toString()).isIn(200, 503);
                }
                if (response.statusCode() == 200) {
                    okInARow++;
                } else {
                    okInARow = 0;
                    assertThat(response.statusCode()).as(answers.toString()).isEqualTo(503);
                    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                    assertThat(response.headers().firstValue("Retry-After")).isPresent();
                }
            }
            assertThat(okInARow).as(answers.toString()).isEqualTo(5);
            assertThat(probes).as("readiness once the API serves").last().isEqualTo("200/200");
            assertThat(answers).as("every answer from the first accepted connection").noneMatch(a -> a.startsWith("404"));
        } finally {
            starting.join().close();
        }
    }

    private static boolean accepts(int port) {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
