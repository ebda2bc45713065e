package io.deribittracker.ops;

import static io.deribittracker.ops.OpsAccounts.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.deribittracker.support.HttpTestClient;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.ShutdownTimeout;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Health while its dependencies fail: an exchange that cannot be reached (nothing listens on the configured port)
 * and a PostgreSQL of this test's own, which the test stops. Readiness follows the database and only the database;
 * liveness follows neither (a restart brings neither back); every probe answers within 2 s whatever the state, well
 * inside the Docker HEALTHCHECK's 5 s.
 */
@CamelSpringBootTest
// the migration retries for a database that never comes: closing the context need not wait 10 s for it
@ShutdownTimeout(1)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadinessWithoutDatabaseTest {

    private static final Duration PROBE_BUDGET = Duration.ofSeconds(2);
    private static final EmbeddedPostgres POSTGRES = start();

    private static EmbeddedPostgres start() {
        try {
            return EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> POSTGRES.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        // an exchange nobody answers for: port 1 on loopback refuses at once
        registry.add("deribit.ws-url", () -> "ws://127.0.0.1:1/ws/api/v2");
        registry.add("deribit.http-url", () -> "http://127.0.0.1:1/api/v2");
        registry.add("admin.user", () -> OpsAccounts.ADMIN_USER);
        registry.add("admin.password", () -> OpsAccounts.ADMIN_PASSWORD);
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        POSTGRES.close(); // idempotent: the test has normally stopped it already
    }

    @LocalManagementPort
    int port;

    @LocalServerPort
    int publicPort;

    private HttpResponse<String> timed(HttpTestClient http, String path, boolean admin) {
        long start = System.nanoTime();
        HttpResponse<String> response = admin ? asAdmin(http).get(path) : http.get(path);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as(path).isLessThan(PROBE_BUDGET);
        return response;
    }

    @Test
    @Order(1)
    void anExchangeOutageShowsInTheOverallHealthNotInReadinessNorInTheLog(CapturedOutput output) {
        HttpTestClient http = new HttpTestClient(port);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(asAdmin(http).get("/actuator/health").body())
                .contains("\"route:deribit-inbound\":\"DOWN\""));
        int linesBefore = output.getAll().length();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> health = timed(http, "/actuator/health", true);
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("\"camelHealth\":{\"status\":\"DOWN\"");
            assertThat(timed(http, "/actuator/health/readiness", false).statusCode()).isEqualTo(200);
            assertThat(timed(http, "/actuator/health/liveness", false).statusCode()).isEqualTo(200);
        }
        assertThat(output.getAll().substring(linesBefore)).as("a probe logs nothing").doesNotContain("Probe in group")
                .doesNotContain("HealthIndicator");
    }

    @Test
    @Order(2)
    void readinessGoesDownWhenTheDatabaseStopsWhileLivenessStaysUpAndEveryProbeAnswersInTime(CapturedOutput output)
            throws IOException {
        HttpTestClient http = new HttpTestClient(port);
        assertThat(timed(http, "/actuator/health/readiness", false).statusCode()).isEqualTo(200);
        int linesBefore = output.getAll().length();

        POSTGRES.close();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> readiness = http.get("/actuator/health/readiness");
            assertThat(readiness.statusCode()).isEqualTo(503);
            assertThat(readiness.body()).contains("\"status\":\"DOWN\"").contains("\"db\":{\"status\":\"DOWN\"");
        });
        for (int i = 0; i < 5; i++) {
            assertThat(timed(http, "/actuator/health/readiness", false).statusCode()).isEqualTo(503);
            assertThat(timed(http, "/actuator/health/liveness", false).statusCode()).isEqualTo(200);
            HttpResponse<String> health = timed(http, "/actuator/health", true);
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("\"db\":{\"status\":\"DOWN\"");
        }
        // the outage is one line, not one per request that meets it
        HttpTestClient api = new HttpTestClient(publicPort);
        for (int i = 0; i < 2; i++) {
            assertThat(api.get("/last?ticker=btc").statusCode()).isEqualTo(503);
        }
        String log = output.getAll().substring(linesBefore);
        assertThat(log.lines().filter(line -> line.contains("Database unreachable"))).hasSize(1);
        assertThat(log).doesNotContain("Answering 503");
    }
}
