package io.deribittracker.storage;

import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    /**
     * Spring Boot would migrate while the context starts, and a database that does not answer within Hikari's
     * timeout would end the process. The route {@code migrate-database} runs {@link DatabaseSchema#migrate()}
     * instead, retrying until the database answers.
     */
    @Bean
    FlywayMigrationStrategy migrateLaterFromARoute() {
        return flyway -> {
        };
    }
}
