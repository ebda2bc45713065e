package io.deribittracker.ops;

import io.deribittracker.support.TestDatabase;
import io.deribittracker.support.TestDirectories;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.DisableJmx;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service as operators meet it, on a replica that does not collect (so that the tests alone decide what is in
 * {@code index_price}), with the admin login set, over real HTTP. Every test class extending this shares one
 * application context (a context is cached by its configuration, and this is the only place it is declared).
 */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false) // tests switch the Prometheus registry off unless asked
@DisableJmx(false) // Hawtio's Camel tab reads Camel's MBeans; camel-test switches them off unless asked
abstract class OpsReplica {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabase.url("ops"));
        registry.add("spring.datasource.username", TestDatabase::username);
        registry.add("spring.datasource.password", () -> OpsAccounts.DB_PASSWORD);
        registry.add("collector.enabled", () -> "false");
        String spool = TestDirectories.create("ops-spool").toString();
        registry.add("tracker.spool.directory", () -> spool);
        registry.add("admin.user", () -> OpsAccounts.ADMIN_USER);
        registry.add("admin.password", () -> OpsAccounts.ADMIN_PASSWORD);
        // these tests send wrong passwords on purpose; the throttle has a test of its own (AdminLoginStartupTest)
        registry.add("admin.login-throttle.max-failures", () -> "1000");
    }

    /** the public port: API and documentation */
    @LocalServerPort
    int port;

    /** actuator and Hawtio */
    @LocalManagementPort
    int managementPort;
}
