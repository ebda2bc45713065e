package io.deribittracker.api;

import io.deribittracker.support.HeldResultsSocketFactory;
import io.deribittracker.support.HttpTestClient;
import io.deribittracker.support.TestDatabase;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service as an API-only replica (collector off) on a real PostgreSQL, reached over real HTTP. Every test class
 * extending this shares one application context; each seeds the rows it needs.
 */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ApiReplica {

    @DynamicPropertySource
    static void apiOnly(DynamicPropertyRegistry registry) {
        // through sockets a test can hold back a long result with (LongAnswersTest); otherwise they pass everything
        registry.add("spring.datasource.url", () -> TestDatabase.url("api") + "?" + HeldResultsSocketFactory.URL_PARAMETER);
        registry.add("spring.datasource.username", TestDatabase::username);
        registry.add("collector.enabled", () -> "false");
        registry.add("collector.index-names", () -> "btc_usd,eth_usd,sol_usd");
    }

    /** the public port: API, documentation, pages */
    @LocalServerPort
    int port;

    /** actuator and Hawtio */
    @LocalManagementPort
    int managementPort;

    @Autowired
    JdbcTemplate jdbc;

    HttpTestClient api;

    @BeforeEach
    void client() {
        api = new HttpTestClient(port);
    }
}
