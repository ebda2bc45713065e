package io.deribittracker.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.deribittracker.support.FakeDeribit;
import io.deribittracker.support.TestDatabase;
import org.junit.jupiter.api.Test;

/** The packaged jar, run as operators run it, stopped the way docker and Kubernetes stop it. */
class SigtermIT {

    @Test
    void sigtermFlushesClosesTheSocketAndExitsZeroWithinThirtySeconds() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", Path.of("target", "deribit-tracker.jar").toString())
                .redirectErrorStream(true);
        builder.environment().put("SPRING_DATASOURCE_URL", TestDatabase.url("sigterm"));
        builder.environment().put("SPRING_DATASOURCE_USERNAME", TestDatabase.username());
        builder.environment().put("DERIBIT_WS_URL", FakeDeribit.SERVER.wsUrl());
        builder.environment().put("DERIBIT_HTTP_URL", FakeDeribit.SERVER.httpUrl());
        builder.environment().put("COLLECTOR_INTERVAL", "1s");
        builder.environment().put("SERVER_PORT", "0");
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
            await().atMost(Duration.ofSeconds(60)).until(() -> output.stream().anyMatch(l -> l.contains("Started DeribitTrackerApplication")));
            int openBefore = FakeDeribit.SERVER.openConnections();

            // SIGTERM; Process.destroy() would also close our end of its output, hiding the shutdown log
            service.toHandle().destroy();

            assertThat(service.waitFor(30, TimeUnit.SECONDS)).as("exited within 30 s").isTrue();
            assertThat(service.exitValue()).isZero();
            reader.join(5000);
            assertThat(output).anyMatch(l -> l.contains("SIGTERM: taking no new slots"));
            assertThat(output).anyMatch(l -> l.contains("Stopped store-index-price"));
            await().atMost(Duration.ofSeconds(5)).until(() -> FakeDeribit.SERVER.openConnections() < openBefore);
        } finally {
            service.destroyForcibly();
        }
    }
}
