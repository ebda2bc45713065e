package io.deribittracker.support;

import java.util.LinkedHashMap;
import java.util.Map;

import io.deribittracker.DeribitTrackerApplication;
import io.deribittracker.demo.FakeDeribitServer;
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

    /** An instance on the given database, collecting from {@code deribit}. */
    public static ServiceInstance start(String jdbcUrl, FakeDeribitServer deribit, Map<String, Object> extraProperties) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", jdbcUrl);
        properties.put("spring.datasource.username", TestDatabase.username());
        properties.putAll(extraProperties);
        return start(deribit, properties);
    }

    /** An instance with no database configured: it runs its own embedded PostgreSQL. */
    public static ServiceInstance startWithEmbeddedDatabase(FakeDeribitServer deribit, Map<String, Object> extraProperties) {
        return start(deribit, new LinkedHashMap<>(extraProperties));
    }

    private static ServiceInstance start(FakeDeribitServer deribit, Map<String, Object> extraProperties) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", 0);
        properties.put("management.server.port", 0);
        properties.put("deribit.ws-url", deribit.wsUrl());
        properties.put("deribit.http-url", deribit.httpUrl());
        properties.put("deribit.reply-timeout", "700ms");
        properties.put("collector.interval", "1s");
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

    public boolean isRunning() {
        return context.isActive();
    }

    /** Stops the instance the way SIGTERM does: Spring context close, Camel graceful shutdown. */
    @Override
    public void close() {
        context.close();
    }
}
