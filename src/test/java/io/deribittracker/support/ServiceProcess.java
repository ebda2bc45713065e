package io.deribittracker.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;

/**
 * The packaged jar ({@code target/deribit-tracker.jar}) in a JVM of its own, for what a test cannot do to an
 * instance in its own JVM: kill it with SIGKILL, or run it in another working directory.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Path JAR = Path.of("target", "deribit-tracker.jar").toAbsolutePath();

    private final Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();

    private ServiceProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
                lines.lines().forEach(output::add);
            } catch (IOException ignored) {
                // the process is gone
            }
        }, "service-process-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the jar in {@code directory} with these environment variables and arguments; returns once it started. */
    public static ServiceProcess start(Path directory, Map<String, String> environment, String... arguments) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx384m"));
        // the test JVMs' own flags (the build's test.jvm.flags): a short-lived service saves CPU the same way
        String flags = System.getProperty("tracker.test.jvm-flags", "").strip();
        if (!flags.isEmpty()) {
            command.addAll(List.of(flags.split("\\s+")));
        }
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().put("SERVER_PORT", "0");
        builder.environment().put("MANAGEMENT_SERVER_PORT", "0");
        builder.environment().putAll(environment);
        try {
            ServiceProcess service = new ServiceProcess(builder.start());
            Awaitility.await().atMost(Duration.ofSeconds(120))
                    .until(() -> service.logged("Started DeribitTrackerApplication") || !service.process.isAlive());
            if (!service.process.isAlive()) {
                throw new IllegalStateException("The service exited at start-up:\n" + String.join("\n", service.output));
            }
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean logged(String text) {
        return output.stream().anyMatch(line -> line.contains(text));
    }

    /** The first group of the first log line matching {@code regex}. */
    public Optional<String> find(String regex) {
        Pattern pattern = Pattern.compile(regex);
        return output.stream().map(pattern::matcher).filter(Matcher::find).map(m -> m.group(1)).findFirst();
    }

    /** The public HTTP port it listens on (the API). */
    public int port() {
        return Integer.parseInt(find("Public HTTP port (\\d+)").orElseThrow());
    }

    /** The management port (actuator): the one Tomcat started on a real port, the public port being Vert.x's. */
    public int managementPort() {
        return Integer.parseInt(find("Tomcat started on port (\\d+)").orElseThrow());
    }

    public List<String> output() {
        return output;
    }

    /** SIGKILL: no shutdown hook, no flush, as a crash, an OOM kill or a power cut. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, and wait for the exit. */
    public int stop() throws InterruptedException {
        process.toHandle().destroy();
        if (!process.waitFor(40, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
