package io.deribittracker.support;

import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole service, collecting every second from the {@link FakeDeribit} stand-in into a real PostgreSQL
 * database of its own.
 */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class CollectorIntegrationTest {

    @DynamicPropertySource
    static void collectorProperties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabase.url("collector"));
        registry.add("spring.datasource.username", TestDatabase::username);
        registry.add("deribit.ws-url", FakeDeribit.SERVER::wsUrl);
        registry.add("deribit.http-url", FakeDeribit.SERVER::httpUrl);
        registry.add("deribit.reply-timeout", () -> "700ms");
        registry.add("deribit.silence-timeout", () -> "2s");
        registry.add("collector.interval", () -> "1s");
    }
}
