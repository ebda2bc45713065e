package io.deribittracker.support;

import java.time.Duration;

import io.deribittracker.storage.DatabaseSchema;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.DisableJmx;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole service, collecting every second from the {@link FakeDeribit} stand-in into a real PostgreSQL
 * database of its own. Every subclass shares this one context: a second one would be a second collector on
 * the same database and the same stand-in, and would blur what each test observes.
 */
@CamelSpringBootTest
@DisableJmx(false) // Camel's MBeans on, as in production (Hawtio's Camel tab reads them)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class CollectorIntegrationTest {

    /** The admin login (ADMIN_USER / ADMIN_PASSWORD) of the service under test. */
    protected static final String ADMIN_USER = "operator";
    protected static final String ADMIN_PASSWORD = "integration-test-secret";

    @Autowired
    private DatabaseSchema schema;

    /** The shared stub as new for each test class: what one class set must not change what the next observes. */
    @BeforeAll
    static void resetStub() {
        FakeDeribit.SERVER.reset();
    }

    /** The migrations run in the background once the database answers; tests read the table. */
    @BeforeEach
    void awaitSchema() {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(schema::isMigrated);
    }

    @DynamicPropertySource
    static void collectorProperties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabase.url("collector"));
        registry.add("spring.datasource.username", TestDatabase::username);
        registry.add("deribit.ws-url", FakeDeribit.SERVER::wsUrl);
        registry.add("deribit.http-url", FakeDeribit.SERVER::httpUrl);
        registry.add("deribit.reply-timeout", () -> "700ms");
        registry.add("deribit.silence-timeout", () -> "2s");
        // short reconnect backoffs, so that a test of an outage does not sit through the production 1 s to 30 s
        registry.add("deribit.reconnect-delay", () -> "200ms");
        registry.add("deribit.reconnect-max-delay", () -> "1s");
        registry.add("collector.interval", () -> "1s");
        // created once: a supplier is asked again at every look-up
        String spool = TestDirectories.create("spool").toString();
        registry.add("tracker.spool.directory", () -> spool);
        registry.add("backfill.window", () -> "0s");
        // other instances run beside this one in the same JVM (ServiceInstance): keep the JMX names apart
        registry.add("spring.jmx.unique-names", () -> "true");
        registry.add("admin.user", () -> ADMIN_USER);
        registry.add("admin.password", () -> ADMIN_PASSWORD);
    }
}
