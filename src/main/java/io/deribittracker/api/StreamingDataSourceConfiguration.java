package io.deribittracker.api;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A second, read-only connection pool for the list operations. PostgreSQL's JDBC driver only reads a result through
 * a cursor, {@code statement.fetchSize} rows at a time, when the connection is not in auto-commit mode; in
 * auto-commit it loads the whole result into memory first (a year of minutes would not fit in a 256 MB heap). The
 * main pool must stay in auto-commit, or the collector's inserts would never be committed, hence this one.
 *
 * <p>It copies the main pool's settings (URL, credentials, the 3 s connection timeout that makes an unreachable
 * database a quick 503), whether that pool is Spring Boot's or the embedded PostgreSQL's. It is not a default
 * autowiring candidate, so Spring Boot still creates and injects the main {@code dataSource} as before; routes name
 * it as {@code jdbc:streamingDataSource}.
 */
@Configuration(proxyBeanMethods = false)
class StreamingDataSourceConfiguration {

    @Bean(defaultCandidate = false, destroyMethod = "close")
    HikariDataSource streamingDataSource(DataSource dataSource,
                                         @Value("${tracker.api.max-concurrent-lists}") int poolSize) {
        if (!(dataSource instanceof HikariConfig main)) {
            throw new IllegalStateException("The streaming pool copies the main pool's settings, which must be Hikari's; found "
                    + dataSource.getClass().getName());
        }
        HikariConfig config = new HikariConfig();
        main.copyStateTo(config);
        config.setPoolName(main.getPoolName() + "-streaming");
        config.setAutoCommit(false);
        config.setReadOnly(true);
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(0);
        // the copied registries belong to the main pool; Spring Boot's metrics binder picks this pool up by itself
        config.setMetricRegistry(null);
        config.setMetricsTrackerFactory(null);
        config.setHealthCheckRegistry(null);
        // configured but not started: the first list request opens the first connection
        HikariDataSource streaming = new HikariDataSource();
        config.copyStateTo(streaming);
        return streaming;
    }
}
