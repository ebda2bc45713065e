package io.deribittracker.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Readiness follows the database: a PostgreSQL of this test's own, which the test stops. Liveness does not: a
 * restart would not bring the database back.
 */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class ReadinessWithoutDatabaseTest {

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
        registry.add("collector.enabled", () -> "false");
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        POSTGRES.close(); // idempotent: the test has normally stopped it already
    }

    @LocalManagementPort
    int port;

    @Test
    void readinessGoesDownWhenTheDatabaseStopsWhileLivenessStaysUp() throws IOException {
        OpsTestSupport http = new OpsTestSupport(port);
        assertThat(http.get("/actuator/health/readiness").statusCode()).isEqualTo(200);

        POSTGRES.close();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> readiness = http.get("/actuator/health/readiness");
            assertThat(readiness.statusCode()).isEqualTo(503);
            assertThat(readiness.body()).contains("\"status\":\"DOWN\"").contains("\"db\":{\"status\":\"DOWN\"");
        });
        assertThat(http.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
    }
}
