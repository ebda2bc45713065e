package io.deribittracker.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import io.deribittracker.config.CollectorProperties;
import io.deribittracker.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * An outage of the database is one WARN line when the probe first meets it, from the first probe on, and one INFO
 * line when it answers again, however many probes meet it; a database that answers is no line at all.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseProbeTest {

    private static final CollectorProperties COLLECTOR = new CollectorProperties(List.of("btc_usd"), Duration.ofMinutes(1), true);

    /** the real PostgreSQL, with the table the probe reads */
    private static String answeringDatabase() {
        String url = TestDatabase.url("probe");
        new JdbcTemplate(new DriverManagerDataSource(url, TestDatabase.username(), "")).execute(
                "CREATE TABLE IF NOT EXISTS index_price (ticker text, ts timestamptz, price numeric)");
        return url;
    }

    private static String closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "jdbc:postgresql://127.0.0.1:" + socket.getLocalPort() + "/nothing";
        }
    }

    private static long lines(CapturedOutput output, String text) {
        return output.getAll().lines().filter(line -> line.contains(text)).count();
    }

    @Test
    void aDatabaseDownFromTheStartIsOneWarnAndItsReturnOneInfo(CapturedOutput output) throws IOException {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(closedPort(), TestDatabase.username(), "");
        DatabaseProbe probe = new DatabaseProbe(dataSource, COLLECTOR, Duration.ofSeconds(1));

        for (int i = 0; i < 3; i++) {
            probe.probe();
        }
        assertThat(probe.latest().error()).isNotNull();
        assertThat(lines(output, "Database unreachable")).isEqualTo(1);

        dataSource.setUrl(answeringDatabase());
        probe.probe();
        probe.probe();
        assertThat(probe.latest().error()).isNull();
        assertThat(lines(output, "Database reachable again")).isEqualTo(1);
        assertThat(lines(output, "Database unreachable")).isEqualTo(1);
    }

    @Test
    void aDatabaseThatAnswersFromTheStartIsNoLine(CapturedOutput output) {
        DatabaseProbe probe = new DatabaseProbe(new DriverManagerDataSource(answeringDatabase(), TestDatabase.username(), ""),
                COLLECTOR, Duration.ofSeconds(1));

        probe.probe();
        probe.probe();

        assertThat(probe.latest().error()).isNull();
        assertThat(output.getAll()).doesNotContain("Database unreachable").doesNotContain("Database reachable again");
    }
}
