package io.deribittracker.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs PostgreSQL inside the service when no external database is configured, so that one command starts
 * everything on a fresh machine. The data directory survives restarts. As soon as
 * {@code SPRING_DATASOURCE_URL} is set this configuration steps aside and Spring Boot's own
 * {@code DataSource} auto-configuration takes over.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isBlank()")
class EmbeddedPostgresConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${tracker.embedded-db.directory:./data}") Path directory) throws IOException {
        Files.createDirectories(directory);
        LOG.info("No SPRING_DATASOURCE_URL set: starting embedded PostgreSQL with its data in {}", directory.toAbsolutePath());
        // initdb's and the server's own output is logged by the library at INFO; application.yml lowers it to WARN
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .start();
        LOG.info("Embedded PostgreSQL is ready on a new port at every start; to look inside: psql -h 127.0.0.1 -p {} -U postgres postgres",
                postgres.getPort());
        return postgres;
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        return dataSource;
    }
}
