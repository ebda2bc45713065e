package io.deribittracker.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.deribittracker.support.FakeDeribit;
import io.deribittracker.support.HttpTestClient;
import io.deribittracker.support.ServiceInstance;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** The service started while PostgreSQL does not answer, which comes up 30 s later. */
@ExtendWith(OutputCaptureExtension.class)
class StartWithoutDatabaseIT {

    private static HttpResponse<String> get(ServiceInstance service, String path) {
        return new HttpTestClient(path.startsWith("/actuator") ? service.managementPort() : service.port()).get(path);
    }

    private static List<String> entries(Path spool) throws IOException {
        try (Stream<Path> files = Files.list(spool)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).toList();
        }
    }

    @Test
    void itStaysUpAnswers503CollectsIntoTheSpoolAndStoresItAllOnceTheDatabaseAnswers(CapturedOutput log) throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        Path spool = Files.createTempDirectory("no-db-spool");
        Instant started = Instant.now();
        try (ServiceInstance service = ServiceInstance.startWhileTheDatabaseIsDown(url, FakeDeribit.SERVER,
                Map.of("tracker.spool.directory", spool.toString(), "spring.datasource.username", "postgres",
                        // the database is gone again when the service stops: no need to wait 25 s for the stores in flight
                        "camel.main.shutdown-timeout", 2))) {
            HttpResponse<String> last = get(service, "/last?ticker=btc");
            assertThat(last.statusCode()).isEqualTo(503);
            assertThat(last.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(get(service, "/actuator/health/readiness").statusCode()).isEqualTo(503);
            assertThat(service.bean(DatabaseSchema.class).isMigrated()).isFalse();

            // 30 s without a database: still up, still collecting, into the spool
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> Duration.between(started, Instant.now()).toSeconds() >= 30 && entries(spool).size() >= 20);
            assertThat(get(service, "/last?ticker=btc").statusCode()).isEqualTo(503);
            List<String> collected = entries(spool);

            Path dataDirectory = Files.createTempDirectory("late-pg");
            try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setPort(port).start()) {
                JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(url, "postgres", "", true));
                await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
                    for (String entry : collected) {
                        Instant slot = Instant.ofEpochMilli(Long.parseLong(entry.substring(0, entry.indexOf('-'))));
                        String ticker = entry.substring(entry.indexOf('-') + 1, entry.length() - ".json".length());
                        if (jdbc.queryForObject("SELECT count(*) FROM index_price WHERE ticker = ? AND ts = ? AND source IN ('ws', 'http')",
                                Integer.class, ticker, Timestamp.from(slot)) != 1) {
                            return false;
                        }
                    }
                    return true;
                });
                assertThat(service.bean(DatabaseSchema.class).isMigrated()).isTrue();
                await().atMost(Duration.ofSeconds(20)).until(() -> get(service, "/last?ticker=btc").statusCode() == 200);
                // readiness reads the database probe's latest reading, at most a probe interval old
                await().atMost(Duration.ofSeconds(10)).until(() -> get(service, "/actuator/health/readiness").statusCode() == 200);

                // the outage is one line and its end another; the migration's and the store's retries say nothing more
                assertThat(log.getOut().lines().filter(line -> line.contains("Database unreachable"))).hasSize(1);
                assertThat(log.getOut().lines().filter(line -> line.contains("Database reachable again"))).hasSize(1);
                assertThat(log.getOut().lines().filter(line -> line.contains(" WARN ") && line.contains("Failed delivery")))
                        .as("a WARN per retry").isEmpty();
            }
        }
    }
}
