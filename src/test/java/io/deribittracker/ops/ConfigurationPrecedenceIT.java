package io.deribittracker.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.deribittracker.demo.FakeDeribitServer;
import io.deribittracker.support.HttpTestClient;
import io.deribittracker.support.ServiceProcess;
import io.deribittracker.support.TestDatabase;
import io.deribittracker.support.TestDirectories;
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
            Map<String, String> environment = Map.of(
                    "COLLECTOR_ENABLED", "false",
                    "SPRING_DATASOURCE_URL", database,
                    "SPRING_DATASOURCE_USERNAME", TestDatabase.username(),
                    "DERIBIT_WS_URL", deribit.wsUrl(),
                    "DERIBIT_HTTP_URL", deribit.httpUrl(),
                    "COLLECTOR_INTERVAL", "1s",
                    "BACKFILL_WINDOW", "0s");
            try (ServiceProcess service = ServiceProcess.start(TestDirectories.create("precedence"), environment,
                    "--collector.enabled=true")) {
                jdbc.update("DELETE FROM index_price");
                // the YAML routes (fetch, inbound) run: prices are fetched over the WebSocket and stored
                await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                        "SELECT count(*) FROM index_price WHERE source = 'ws'", Integer.class) >= 2);
                assertThat(service.output()).anyMatch(l -> l.contains("Started fetch-index-price"))
                        .anyMatch(l -> l.contains("Started deribit-inbound"))
                        .anyMatch(l -> l.contains("Started collector-tick"));
                // and the Spring beans say the same (what /actuator/info reports is bound by Spring Boot)
                JsonNode info = HttpTestClient.json(new HttpTestClient(service.managementPort()).get("/actuator/info"));
                assertThat(info.at("/collector/enabled").asBoolean()).isTrue();
            }
        }
    }
}
