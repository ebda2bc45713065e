package io.deribittracker.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import io.deribittracker.config.CollectorProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** A database that does not answer is one WARN line, from the first probe on, however often it is asked. */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseProbeTest {

    @Test
    void aDatabaseDownFromTheStartIsOneLineNotOnePerProbe(CapturedOutput output) throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        DatabaseProbe probe = new DatabaseProbe(
                new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:" + closedPort + "/nothing", "postgres", ""),
                new CollectorProperties(List.of("btc_usd"), Duration.ofMinutes(1), true), Duration.ofSeconds(1));

        for (int i = 0; i < 3; i++) {
            probe.probe();
        }

        assertThat(probe.latest().error()).isNotNull();
        assertThat(output.getAll().lines().filter(line -> line.contains("Database unreachable"))).hasSize(1);
    }
}
