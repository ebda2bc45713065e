package io.deribittracker.support;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.deribittracker.DeribitTrackerApplication;
import io.deribittracker.storage.DatabaseSchema;
import org.awaitility.Awaitility;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A whole instance of the service started and stopped by the test itself, for tests that run several
 * (replicas) or must control when one stops (shutdown). Collects every second from the stand-in Deribit it is
 * given: a test that counts what reaches the stand-in gives its instances one of their own, as the shared
 * {@link FakeDeribit} also serves the cached collector context.
 */
public final class ServiceInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private ServiceInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** An instance on the given database, collecting from {@code deribit}; returns once the schema is migrated. */
    public static ServiceInstance start(String jdbcUrl, StubDeribit deribit, Map<String, Object> extraProperties) {
        ServiceInstance service = startWhileTheDatabaseIsDown(jdbcUrl, deribit, extraProperties);
        service.awaitSchema();
        return service;
    }

    /** An instance on the given database, returning as soon as it started, whether or not the database answers. */
    public static ServiceInstance startWhileTheDatabaseIsDown(String jdbcUrl, StubDeribit deribit,
                                                              Map<String, Object> extraProperties) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", jdbcUrl);
        properties.put("spring.datasource.username", TestDatabase.username());
        properties.putAll(extraProperties);
        return start(deribit, properties);
    }

    /** An instance with no database configured: it runs its own embedded PostgreSQL. */
    public static ServiceInstance startWithEmbeddedDatabase(StubDeribit deribit, Map<String, Object> extraProperties) {
        ServiceInstance service = start(deribit, new LinkedHashMap<>(extraProperties));
        service.awaitSchema();
        return service;
    }

    /** Waits until the migrations have run (they run in the background, once the database answers). */
    public void awaitSchema() {
        DatabaseSchema schema = bean(DatabaseSchema.class);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(schema::isMigrated);
    }

    /** The HTTP port the instance listens on. */
    public int port() {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    /** actuator and Hawtio */
    public int managementPort() {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.management.port"));
    }

    private static ServiceInstance start(StubDeribit deribit, Map<String, Object> extraProperties) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", 0);
        properties.put("management.server.port", 0);
        properties.put("deribit.ws-url", deribit.wsUrl());
        properties.put("deribit.http-url", deribit.httpUrl());
        properties.put("deribit.reply-timeout", "700ms");
        properties.put("collector.interval", "1s");
        // a spool of its own: instances in one JVM must not drain each other's
        properties.put("tracker.spool.directory", TestDirectories.create("spool").toString());
        // a database that comes back is noticed within a second; back-fill only where a test asks for it
        properties.put("tracker.store.retry-delay", 200);
        properties.put("tracker.store.max-retry-delay", 1000);
        properties.put("backfill.window", "0s");
        // an exchange that comes back is reconnected within a second, not after production's 1 s to 30 s backoffs
        properties.put("deribit.reconnect-delay", "200ms");
        properties.put("deribit.reconnect-max-delay", "1s");
        properties.put("camel.routecontroller.back-off-delay", 200);
        properties.put("camel.routecontroller.back-off-max-delay", 1000);
        // several instances in one JVM: keep their JMX names apart
        properties.put("camel.main.jmx-management-name-pattern", "#name#-#counter#");
        properties.put("spring.jmx.unique-names", true);
        properties.putAll(extraProperties);
        // as command-line arguments: they must win over application.yml, like the environment does in production
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new ServiceInstance(new SpringApplicationBuilder(DeribitTrackerApplication.class).run(arguments));
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public JdbcTemplate jdbc() {
        return context.getBean(JdbcTemplate.class);
    }

    /** Stops the instance the way SIGTERM does: Spring context close, Camel graceful shutdown. */
    @Override
    public void close() {
        context.close();
    }
}
