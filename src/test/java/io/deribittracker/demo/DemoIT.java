package io.deribittracker.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.deribittracker.support.FakeDeribit;
import io.deribittracker.support.HttpTestClient;
import io.deribittracker.support.ServiceInstance;
import io.deribittracker.support.ServiceProcess;
import io.deribittracker.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** The demo switch never mixes its random-walk prices into real data; a normal first start after it is quiet. */
class DemoIT {

    private static int freePort() throws Exception {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    private static HttpResponse<String> get(int port, String path) {
        return new HttpTestClient(port).get(path);
    }

    @Test
    void aNormalRunInTheFolderOfADemoRunServesNoDemoPriceAndStartsQuietly() throws Exception {
        Path folder = Files.createTempDirectory("demo-then-normal");
        try (ServiceProcess demo = ServiceProcess.start(folder,
                Map.of("TRACKER_DEMO_FAKE_DERIBIT_PORT", Integer.toString(freePort()), "COLLECTOR_INTERVAL", "1s"),
                "--spring.profiles.active=demo")) {
            int postgresPort = Integer.parseInt(demo.find("psql -h 127.0.0.1 -p (\\d+)").orElseThrow());
            JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(
                    "jdbc:postgresql://127.0.0.1:" + postgresPort + "/postgres", "postgres", "", true));
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() ->
                    jdbc.queryForObject("SELECT count(*) FROM index_price WHERE ticker = 'btc_usd'", Integer.class) >= 2);
            assertThat(jdbc.queryForList("SELECT DISTINCT source FROM index_price", String.class)).containsExactly("demo");
            assertThat(get(demo.port(), "/last?ticker=btc").statusCode()).isEqualTo(200);
            assertThat(demo.stop()).isZero();
        }
        assertThat(folder.resolve("data-demo").resolve("PG_VERSION")).exists();

        try (ServiceProcess normal = ServiceProcess.start(folder, Map.of("COLLECTOR_ENABLED", "false",
                "DERIBIT_WS_URL", FakeDeribit.SERVER.wsUrl(), "DERIBIT_HTTP_URL", FakeDeribit.SERVER.httpUrl()))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> normal.logged("Database schema up to date"));
            assertThat(get(normal.port(), "/last?ticker=btc").statusCode()).as("no price: the demo's are not its own").isEqualTo(404);
            assertThat(get(normal.port(), "/all?ticker=btc").body()).isEqualTo("[]");
            assertThat(folder.resolve("data").resolve("PG_VERSION")).exists();

            // the first start on a new machine is quiet: no initdb chatter, no library notices a setting can silence,
            // no unnamed route, and no WARN but the one that says the admin surface is off
            await().atMost(Duration.ofSeconds(30)).until(() -> normal.logged("Started DeribitTrackerApplication"));
            List<String> startup = normal.output();
            assertThat(startup).as("initdb's output").noneMatch(line -> line.contains("initdb")
                    || line.contains("The files belonging to this database system") || line.contains("Success. You can now"));
            assertThat(startup).as("library notices").noneMatch(line -> line.contains("Commons Logging")
                    || line.contains("commons-logging") || line.contains("HV000") || line.contains("Bean Validation"));
            assertThat(startup).as("unnamed routes").noneMatch(line -> line.matches(".*\\broute\\d+\\b.*"));
            assertThat(startup.stream().filter(line -> line.contains(" WARN ") || line.contains(" ERROR ")).toList())
                    .as("WARN and ERROR lines at start-up")
                    .allMatch(line -> line.contains("ADMIN_USER/ADMIN_PASSWORD not set"));
        }
    }

    @Test
    void theDemoOnAnExternalDatabaseMarksItsRows() throws Exception {
        String url = TestDatabase.url("demo");
        try (ServiceInstance demo = ServiceInstance.start(url, FakeDeribit.SERVER, Map.of(
                "spring.profiles.active", "demo", "tracker.demo.fake-deribit.port", freePort()))) {
            JdbcTemplate jdbc = demo.jdbc();
            jdbc.update("DELETE FROM index_price");
            await().atMost(Duration.ofSeconds(20)).until(() ->
                    jdbc.queryForObject("SELECT count(*) FROM index_price WHERE ticker = 'eth_usd'", Integer.class) >= 2);
            assertThat(jdbc.queryForList("SELECT DISTINCT source FROM index_price", String.class)).isEqualTo(List.of("demo"));
        }
    }
}
