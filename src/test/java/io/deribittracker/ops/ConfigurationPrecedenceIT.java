package io.deribittracker.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.deribittracker.demo.FakeDeribitServer;
import io.deribittracker.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * One precedence for every setting, Spring Boot's: a command-line argument beats an environment variable, which beats
 * the files. The packaged jar is started as an operator would, with {@code COLLECTOR_ENABLED=false} in its environment
 * and {@code --collector.enabled=true} on its command line: the Java beans (Spring binding) and the YAML routes
 * ({@code {{collector.enabled}}} placeholders, which Camel would let the environment variable win) must both collect.
 */
class ConfigurationPrecedenceIT {

    @Test
    void theCommandLineBeatsTheEnvironmentInRoutesAsInBeans() throws Exception {
        try (FakeDeribitServer deribit = new FakeDeribitServer().start(0)) {
            String database = TestDatabase.url("precedence");
            JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(database, TestDatabase.username(), "", true));
            String java = ProcessHandle.current().info().command().orElse("java");
            ProcessBuilder builder = new ProcessBuilder(java, "-jar", Path.of("target", "deribit-tracker.jar").toString(),
                    "--collector.enabled=true").redirectErrorStream(true);
            builder.environment().put("COLLECTOR_ENABLED", "false");
            builder.environment().put("SPRING_DATASOURCE_URL", database);
            builder.environment().put("SPRING_DATASOURCE_USERNAME", TestDatabase.username());
            builder.environment().put("DERIBIT_WS_URL", deribit.wsUrl());
            builder.environment().put("DERIBIT_HTTP_URL", deribit.httpUrl());
            builder.environment().put("COLLECTOR_INTERVAL", "1s");
            builder.environment().put("SERVER_PORT", "0");
            builder.environment().put("MANAGEMENT_SERVER_PORT", "0");
            Process service = builder.start();
            List<String> output = new CopyOnWriteArrayList<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(service.getInputStream()))) {
                    lines.lines().forEach(output::add);
                } catch (IOException ignored) {
                    // the process is gone
                }
            });
            reader.start();
            try {
                // a generous start-up budget: five builds share two cores on the CI machine
                await().atMost(Duration.ofSeconds(240)).until(() -> output.stream().anyMatch(l -> l.contains("Started DeribitTrackerApplication")));
                jdbc.update("DELETE FROM index_price");
                // the YAML routes (fetch, inbound) run: prices are fetched over the WebSocket and stored
                await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                        "SELECT count(*) FROM index_price WHERE source = 'ws'", Integer.class) >= 2);
                assertThat(output).anyMatch(l -> l.contains("Started fetch-index-price"))
                        .anyMatch(l -> l.contains("Started deribit-inbound"))
                        .anyMatch(l -> l.contains("Started collector-tick"));
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                throw new AssertionError("the service's last lines:\n"
                        + String.join("\n", output.subList(Math.max(0, output.size() - 40), output.size())), e);
            } finally {
                service.destroyForcibly();
                service.waitFor();
            }
        }
    }
}
