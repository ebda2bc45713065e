package io.deribittracker.storage;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    /**
     * Spring Boot would migrate while the context starts, and a database that does not answer within Hikari's
     * timeout would end the process. Instead: one attempt now, so that a normal start serves from its first request,
     * and if the database does not answer, the route {@code migrate-database} runs {@link DatabaseSchema#migrate()}
     * again until it does.
     */
    @Bean
    FlywayMigrationStrategy migrateNowOrOnceTheDatabaseAnswers(ObjectProvider<DatabaseSchema> schema) {
        return flyway -> schema.getObject().migrateIfReachable();
    }
}
