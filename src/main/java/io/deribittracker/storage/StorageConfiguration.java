package io.deribittracker.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(StorageConfiguration.class);

    /**
     * Spring Boot migrates while the context starts, and a database that does not answer would end the process. Here
     * a database that answers is migrated as before (so the API never meets a missing table), and one that does not
     * is left to the route {@code migrate-database}, which retries until it answers. Any other failure (a wrong
     * password, a broken migration) still stops the start: waiting would not fix it.
     */
    @Bean
    FlywayMigrationStrategy migrateNowOrOnceTheDatabaseAnswers(DatabaseSchema schema) {
        return flyway -> {
            try {
                schema.migrate();
            } catch (RuntimeException e) {
                if (!DatabaseErrors.isUnreachable(e)) {
                    throw e;
                }
                // the outage itself is the database probe's WARN; this says what start-up does about it
                LOG.info("PostgreSQL does not answer yet ({}); starting without it: samples wait in the spool, and the "
                        + "schema is migrated as soon as it answers", e.getMessage());
            }
        };
    }
}
